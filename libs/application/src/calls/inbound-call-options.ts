import { Clock, IdGenerator } from '@dutyline/domain';
import { Metrics } from '../metrics';
import { CallLogger } from '../shared';
import { ActiveCalls } from './active-calls';
import { CallEntryLookup } from './call-entry-lookup';
import { LastKnownPlans } from './last-known-plans';
import { DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS } from './last-resort';
import { CallEvents, CallJournal, CallPlanner, CallStore, HotlineLookup, LineStatus, Timer } from './ports';

export interface InboundCallOptions {
  /** How long one request may wait for the hotline lookup, the planner and the store, together. @defaultValue 800 */
  readonly budgetMs?: number;
  /** Ask carriers to detect answering machines on dialled legs. @defaultValue false */
  readonly machineDetection?: boolean;
  /** @defaultValue 120 */
  readonly voicemailMaxSeconds?: number;
  /** How long a callee has to press the key after the announcement. @defaultValue 5 */
  readonly confirmationTimeoutSeconds?: number;
  /** @defaultValue '1' */
  readonly acceptKey?: string;
  /**
   * The carrier adapter rings several legs at once (`dial-group`, `hang-up-legs`, `bridge.drop`); without
   * it an all-at-once level's numbers ring one after the other (F26). @defaultValue false
   */
  readonly parallelDialing?: boolean;
  /**
   * Last-resort numbers rung when no plan can be had (store down, nothing known of the number), by
   * hotline number in E.164; the key `*` applies to every other number. @defaultValue none
   */
  readonly emergencyNumbers?: Readonly<Record<string, string>>;
  /** @defaultValue 30 */
  readonly emergencyRingTimeoutSeconds?: number;
  /** Language of messages when no hotline tells one. @defaultValue 'en-GB' */
  readonly defaultLanguage?: string;
  /** Compare-and-set attempts when two instances handle events of one call at once. @defaultValue 3 */
  readonly saveAttempts?: number;
  /**
   * Calls and plans kept in memory for fallbacks. A call in progress is written on each of its events
   * (every ring timeout at least), so it stays among the most recent unless this many other calls
   * arrive in between (100 calls/s on one instance). Each copy costs the garbage collector. @defaultValue 2000
   */
  readonly memoryCapacity?: number;
  /**
   * How long a webhook waits for the store to take a write (within `budgetMs`) before the change goes
   * to the journal and the reply is sent: a stalled database costs the answer this much once. @defaultValue 150
   */
  readonly storeBudgetMs?: number;
  /** After the store failed, how long webhooks leave it alone (the write-back keeps trying). @defaultValue 2000 */
  readonly storeRetryMs?: number;
  /**
   * How long a journaled event waits for its call to reach the store (opened on another instance whose
   * write-back has not run yet) before it is given up, with an error logged. @defaultValue 86400000 (a day)
   */
  readonly orphanMaxAgeMs?: number;
  /** How long the write-back waits for the store on one entry before the pass stops (tried again next pass). @defaultValue 5000 */
  readonly writeBackTimeoutMs?: number;
}

/** The options with every default filled in. */
export type InboundCallSettings = Required<InboundCallOptions>;

export function inboundCallSettings(options: InboundCallOptions): InboundCallSettings {
  return {
    budgetMs: options.budgetMs ?? 800,
    machineDetection: options.machineDetection ?? false,
    voicemailMaxSeconds: options.voicemailMaxSeconds ?? 120,
    confirmationTimeoutSeconds: options.confirmationTimeoutSeconds ?? 5,
    acceptKey: options.acceptKey ?? '1',
    parallelDialing: options.parallelDialing ?? false,
    emergencyNumbers: options.emergencyNumbers ?? {},
    emergencyRingTimeoutSeconds: options.emergencyRingTimeoutSeconds ?? DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS,
    defaultLanguage: options.defaultLanguage ?? 'en-GB',
    saveAttempts: options.saveAttempts ?? 3,
    memoryCapacity: options.memoryCapacity ?? 2000,
    storeBudgetMs: options.storeBudgetMs ?? 150,
    storeRetryMs: options.storeRetryMs ?? 2000,
    orphanMaxAgeMs: options.orphanMaxAgeMs ?? 86_400_000,
    writeBackTimeoutMs: options.writeBackTimeoutMs ?? 5000,
  };
}

export interface InboundCallDependencies {
  readonly store: CallStore;
  readonly hotlines: HotlineLookup;
  /** Extra numbers, menus and rules (F25); without it every call goes to the dialled hotline's line. */
  readonly entries?: CallEntryLookup;
  /** Whether a hotline's account is disabled; without it every line is in service. */
  readonly lineStatus?: LineStatus;
  readonly planner: CallPlanner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events?: CallEvents;
  readonly logger?: CallLogger;
  /** Calls by plan source and outcome, legs by outcome. @defaultValue none */
  readonly metrics?: Metrics;
  /** @defaultValue systemTimer */
  readonly timer?: Timer;
  /** Share one between services of a process; @defaultValue a new one */
  readonly lastKnownPlans?: LastKnownPlans;
  /** Where what the store could not take waits for `writeBack()`. @defaultValue in memory only */
  readonly journal?: CallJournal;
  /** Who is on a call now, for the cap on simultaneous calls per person (F26). @defaultValue none: nobody is skipped */
  readonly activeCalls?: ActiveCalls;
}
