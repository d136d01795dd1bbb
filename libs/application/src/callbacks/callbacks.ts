import { silentCallLogger } from '../shared';
import { CallbackCapture, CallbackCaptureOptions } from './callback-capture';
import { CallbackDialler, CallbackDiallerOptions } from './callback-dialler';
import { CallbackIntakeService } from './callback-intake.service';
import { CallbackJobScheduler } from './callback-jobs';
import { CallbackLegs } from './callback-legs';
import { CallbackRecords } from './callback-records';
import { CallbackRequestIntake } from './callback-request-intake';
import { CallbackRequestService } from './callback-request.service';
import { CallbackTargets } from './callback-targets';
import { CallbackPorts } from './ports';

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
  const legs = new CallbackLegs({ records, carrier: ports.carrier, logger });
  const targets = new CallbackTargets(ports);
  const dialler = new CallbackDialler({ ...ports, records, legs, targets }, options.dialler);
  const requestIntake = new CallbackRequestIntake({ ...ports, records, logger });
  const requests = new CallbackRequestService({ ...ports, records, dialler, requestIntake });
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
