import type { CallPlanSource, LegOutcome } from '@dutyline/domain';

/** How a call went, as counted: the call's first outcome, or a number no hotline answers. */
export type CountedCallOutcome = 'answered' | 'voicemail' | 'message' | 'abandoned' | 'unknown-number';
/** `skipped-busy`: not rung, the person was on as many calls as they take. */
export type CountedLegOutcome = LegOutcome | 'cancelled' | 'skipped-busy';
export type MessageChannel = 'email' | 'sms';

/**
 * What the application counts for its operators. Each call must cost next to nothing (the answer
 * path calls it: a counter increment) and never throw. Every argument is one of a small fixed set:
 * never an id, a number or a caller's text, so the series stay few.
 */
export interface Metrics {
  /** A new call was opened on a plan from the schedule, the last plan known for the number (the store was late) or the emergency number. */
  callStarted(planSource: CallPlanSource): void;
  callOutcome(outcome: CountedCallOutcome): void;
  legEnded(outcome: CountedLegOutcome): void;
  /** A background job's run, by job name (a fixed set). */
  jobFinished(job: string, seconds: number, result: 'completed' | 'failed'): void;
  messageSent(channel: MessageChannel, result: 'sent' | 'failed'): void;
}

export const noMetrics: Metrics = {
  callStarted: () => undefined,
  callOutcome: () => undefined,
  legEnded: () => undefined,
  jobFinished: () => undefined,
  messageSent: () => undefined,
};
