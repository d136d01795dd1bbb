import {
  AuditLog,
  CallbackSettingsRepository,
  Clock,
  HotlineRepository,
  IdGenerator,
  PatternRepository,
  PersonRepository,
  ScheduleRepository,
  RingRotation,
  ScheduleVersionReader,
  TeamRepository,
} from '@dutyline/domain';
import { CallbackSettingsService } from './callbacks';
import { CoverageQueries } from './coverage';
import { DirectoryService } from './directory';
import { HotlineService } from './hotlines';
import { PatternService } from './patterns';
import { RoutingQueries } from './routing';
import { ScheduleService } from './schedule';
import { NotificationSettingsStore } from './shared';

/** Every port the use cases need; the composition root (an app) supplies the adapters. */
export interface ApplicationPorts {
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
  readonly audit: AuditLog;
  readonly patterns: PatternRepository;
  readonly callbackSettings: CallbackSettingsRepository;
  /** Lets routing reuse slots while the version stays; without it routing reads slots per call. */
  readonly versions?: ScheduleVersionReader;
  /** Who hotlines e-mail voicemails to, for the coverage problems; without it none is reported. */
  readonly notificationSettings?: Pick<NotificationSettingsStore, 'notificationSettings'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The balanced levels' round-robin counters; without it every level starts at its first person. */
  readonly rotation?: RingRotation;
}

export interface ApplicationOptions {
  /** @defaultValue 3 */
  readonly maxScheduleAttempts?: number;
  /** @defaultValue 1000 */
  readonly routingCacheSize?: number;
}

/** The use cases, wired over one set of ports. */
export interface Application {
  readonly directory: DirectoryService;
  readonly hotlines: HotlineService;
  readonly schedule: ScheduleService;
  readonly patterns: PatternService;
  readonly routing: RoutingQueries;
  readonly coverage: CoverageQueries;
  readonly callbackSettings: CallbackSettingsService;
}

/**
 * Composes the features served over one set of ports: directory, hotlines, schedule, patterns,
 * routing, coverage and the callback settings. The calls, callbacks and notifications have their own
 * factories (`createCalls`, `createCallbacks`, `createNotificationServices`), which the apps call.
 */
export function createApplication(ports: ApplicationPorts, options: ApplicationOptions = {}): Application {
  const routing = new RoutingQueries({ ...ports, cacheSize: options.routingCacheSize });
  return {
    directory: new DirectoryService(ports),
    hotlines: new HotlineService(ports),
    schedule: new ScheduleService({
      ...ports,
      maxAttempts: options.maxScheduleAttempts,
      // This process forgets at once; other processes see the new version on their next read.
      onScheduleChanged: ({ hotlineId }) => routing.invalidate(hotlineId),
    }),
    patterns: new PatternService(ports),
    routing,
    coverage: new CoverageQueries(ports),
    callbackSettings: new CallbackSettingsService({ ...ports, settings: ports.callbackSettings }),
  };
}
