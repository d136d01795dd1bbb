import { Id } from '../shared';
import { CallOutcome } from './call-log';
import { Answerer } from './escalation';

/** Average, median and longest of a set of durations, in seconds. */
export interface DurationSummary {
  readonly count: number;
  readonly averageSeconds: number;
  readonly medianSeconds: number;
  readonly maxSeconds: number;
}

/** Who took calls, and how fast. */
export interface AnswererStatistics {
  readonly personId: Id;
  readonly personName: string;
  readonly answered: number;
  readonly averageTimeToAnswerSeconds: number;
}

/** F17: calls, answered rate, time to answer, duration, who answered. */
export interface CallStatistics {
  readonly calls: number;
  readonly byOutcome: Readonly<Record<CallOutcome, number>>;
  /** Answered among the calls that are over (in-progress ones left out); null when none is over. */
  readonly answeredRate: number | null;
  /** Over the answered calls. */
  readonly timeToAnswer: DurationSummary | null;
  /** Over the finished calls whose length is known. */
  readonly duration: DurationSummary | null;
  /** Most answered first, then by name and id. */
  readonly answerers: readonly AnswererStatistics[];
}

/**
 * What the statistics read of a call: a `CallRecord` has it all, and a store may read just this
 * (`callTimingsMs` gives the lengths it keeps).
 */
export interface CallFigures {
  readonly outcome: CallOutcome;
  readonly answeredBy: Pick<Answerer, 'personId' | 'personName'> | null;
  readonly timeToAnswerSeconds: number | null;
  readonly durationSeconds: number | null;
}

/** Over `records` in the log's order (newest first): each answerer's average adds their waits in that order. */
export function callStatistics(records: readonly CallFigures[]): CallStatistics {
  const byOutcome: Record<CallOutcome, number> = {
    'in-progress': 0,
    answered: 0,
    voicemail: 0,
    message: 0,
    abandoned: 0,
  };
  const answerers = new Map<Id, { personName: string; waits: number[] }>();
  const waits: number[] = [];
  const lengths: number[] = [];
  for (const record of records) {
    byOutcome[record.outcome] += 1;
    if (record.outcome !== 'in-progress' && record.durationSeconds !== null) lengths.push(record.durationSeconds);
    if (record.outcome !== 'answered' || record.answeredBy === null || record.timeToAnswerSeconds === null) continue;
    waits.push(record.timeToAnswerSeconds);
    const entry = answerers.get(record.answeredBy.personId) ?? { personName: record.answeredBy.personName, waits: [] };
    entry.waits.push(record.timeToAnswerSeconds);
    answerers.set(record.answeredBy.personId, entry);
  }
  const over = records.length - byOutcome['in-progress'];
  return {
    calls: records.length,
    byOutcome,
    answeredRate: over === 0 ? null : byOutcome.answered / over,
    timeToAnswer: summarise(waits),
    duration: summarise(lengths),
    answerers: [...answerers.entries()]
      .map(([personId, { personName, waits: own }]) => ({
        personId,
        personName,
        answered: own.length,
        averageTimeToAnswerSeconds: average(own),
      }))
      .sort(
        (a, b) =>
          b.answered - a.answered || a.personName.localeCompare(b.personName) || a.personId.localeCompare(b.personId),
      ),
  };
}

function summarise(values: readonly number[]): DurationSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return {
    count: sorted.length,
    averageSeconds: average(sorted),
    medianSeconds: sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    maxSeconds: sorted[sorted.length - 1],
  };
}

const average = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
