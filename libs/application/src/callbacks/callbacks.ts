import {
  AuditLog,
  CallbackSettingsRepository,
  CarrierPort,
  Clock,
  Hotline,
  HotlineRepository,
  Id,
  IdGenerator,
  PersonRepository,
  TeamRepository,
} from '@dutyline/domain';
import { CallLogger, silentCallLogger } from '../shared/logger.port';
import { CallStore } from '../calls/ports/call-store.port';
import { StoredCall } from '../calls/stored-call';
import { CallbackCapture, CallbackCaptureOptions } from './callback-capture';
import { CallbackDialler, CallbackDiallerOptions, CallbackRouting } from './callback-dialler';
import { CallbackIntakeService } from './callback-intake.service';
import { CallbackJobQueue, CallbackJobScheduler } from './callback-jobs';
import { CallbackRecords } from './callback-records';
import { CallbackRequestService } from './callback-request.service';
import { CallbackIntakeSettingsStore, CallbackRequestStore } from './ports';

/** Every port the callback use cases need; the app supplies the adapters. */
export interface CallbackPorts {
  readonly store: CallbackRequestStore;
  readonly intake: CallbackIntakeSettingsStore;
  readonly settings: CallbackSettingsRepository;
  readonly hotlines: HotlineRepository;
  readonly teams: TeamRepository;
  readonly people: PersonRepository;
  /** The hotline's plan now (the application's `RoutingQueries` is one). */
  readonly routing: CallbackRouting;
  /** Null: outbound calls cannot be placed (automatic attempts fail and retry, click-to-call is refused). */
  readonly carrier: CarrierPort | null;
  /** Null: no jobs are enqueued (a process that only answers webhooks and reads). */
  readonly jobs: CallbackJobQueue | null;
  /** Needed by the capture (the inbound calls' store); absent: no capture. */
  readonly calls?: Pick<CallStore, 'load'>;
  /** This process's recent copy of a call (the inbound call service's `recentCall`): spares the offer a read. */
  readonly recentCall?: (callId: Id) => StoredCall | undefined;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger?: CallLogger;
  /** Who is on duty for a hotline now: members of a hotline's service are its supervisors and the people its plan rings. */
  readonly onDutyPersonIds?: (accountId: Id, hotline: Hotline) => Promise<readonly Id[]>;
}

export interface CallbackOptions {
  readonly dialler?: CallbackDiallerOptions;
  readonly capture?: CallbackCaptureOptions;
  /** Compare-and-set attempts per change. @defaultValue 3 */
  readonly saveAttempts?: number;
}

/** The callback use cases over one set of ports. */
export interface Callbacks {
  readonly requests: CallbackRequestService;
  readonly intake: CallbackIntakeService;
  readonly dialler: CallbackDialler;
  /** Null without `calls`. */
  readonly capture: CallbackCapture | null;
}

export function createCallbacks(ports: CallbackPorts, options: CallbackOptions = {}): Callbacks {
  const logger = ports.logger ?? silentCallLogger;
  const records = new CallbackRecords({
    store: ports.store,
    jobs: new CallbackJobScheduler(ports.jobs, logger),
    clock: ports.clock,
    saveAttempts: options.saveAttempts,
  });
  const dialler = new CallbackDialler({ ...ports, records, logger }, options.dialler);
  const requests = new CallbackRequestService({ ...ports, records, dialler, logger });
  const intake = new CallbackIntakeService(ports);
  const capture = ports.calls
    ? new CallbackCapture(
        {
          calls: ports.calls,
          recentCall: ports.recentCall,
          hotlines: ports.hotlines,
          intake: ports.intake,
          requests,
          logger,
        },
        options.capture,
      )
    : null;
  return { requests, intake, dialler, capture };
}
