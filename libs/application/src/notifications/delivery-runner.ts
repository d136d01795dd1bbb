import { Clock, JobContext, NonRetryableJobError } from '@dutyline/domain';
import { failureText, isPermanentFailure } from './delivery-failure';
import { Delivery, DeliveryKind, DeliveryLedger } from './ports';

/**
 * Runs one step unless an earlier attempt recorded it; the step's result is recorded when it succeeds.
 * `last`: nothing else follows it, so its result is recorded with the delivery's close, in one write
 * right after the step as before (should the work fail after all, it is recorded on its own first).
 */
export type StepRunner = (name: string, work: () => Promise<string>, options?: { last?: boolean }) => Promise<void>;

export interface DeliveryOutcome {
  readonly deliveryId: string;
  /** `already-delivered`: an earlier run finished it, nothing was sent again. */
  readonly status: 'delivered' | 'already-delivered';
  /** The steps done, with their results. */
  readonly steps: Readonly<Record<string, string>>;
}

/** Which delivery a job runs, and which attempt of the job this is. */
export interface DeliveryRun {
  readonly kind: DeliveryKind;
  readonly deliveryId: string;
  readonly context: Pick<JobContext, 'attempt' | 'maxAttempts'>;
}

/**
 * The skeleton every delivery job shares: load the delivery, skip a delivered one, run the missing
 * steps (each recorded as soon as it is done, so a repeated job never repeats a finished step), close
 * it. Failures: a permanent one closes the delivery as `failed` and becomes `NonRetryableJobError`
 * (the job fails at once); another one on the last attempt closes it as `failed` too; otherwise the
 * attempt is noted and the error rethrown for the queue to retry.
 */
export async function runDelivery(
  deps: { readonly ledger: DeliveryLedger; readonly clock: Clock },
  job: DeliveryRun,
  work: (delivery: Delivery, step: StepRunner) => Promise<void>,
): Promise<DeliveryOutcome> {
  const { ledger, clock } = deps;
  const { kind, deliveryId, context } = job;
  const delivery = await ledger.delivery(deliveryId);
  if (!delivery) throw new NonRetryableJobError(`no ${kind} delivery "${deliveryId}" is owed`);
  if (delivery.kind !== kind)
    throw new NonRetryableJobError(`delivery "${deliveryId}" is a ${delivery.kind}, not a ${kind}`);
  if (delivery.status === 'delivered') return { deliveryId, status: 'already-delivered', steps: delivery.steps };

  const steps: Record<string, string> = { ...delivery.steps };
  let unrecorded: { step: string; result: string } | undefined;
  const recordHeldStep = async () => {
    if (!unrecorded) return;
    await ledger.recordStep(deliveryId, { ...unrecorded, at: clock.now() });
    unrecorded = undefined;
  };
  const step: StepRunner = async (name, run, options = {}) => {
    if (steps[name] !== undefined) return;
    await recordHeldStep();
    const result = await run();
    if (options.last) unrecorded = { step: name, result };
    else await ledger.recordStep(deliveryId, { step: name, result, at: clock.now() });
    steps[name] = result;
  };
  try {
    await work(delivery, step);
  } catch (error) {
    await recordHeldStep();
    const reason = failureText(error);
    if (isPermanentFailure(error)) {
      await ledger.finishDelivery(deliveryId, { status: 'failed', at: clock.now(), error: reason });
      throw error instanceof NonRetryableJobError ? error : new NonRetryableJobError(reason, { cause: error });
    }
    if (context.attempt >= context.maxAttempts)
      await ledger.finishDelivery(deliveryId, { status: 'failed', at: clock.now(), error: reason });
    else await ledger.noteAttemptFailed(deliveryId, reason, clock.now());
    throw error;
  }
  await ledger.finishDelivery(deliveryId, {
    status: 'delivered',
    at: clock.now(),
    ...(unrecorded ? { step: unrecorded } : {}),
  });
  return { deliveryId, status: 'delivered', steps };
}
