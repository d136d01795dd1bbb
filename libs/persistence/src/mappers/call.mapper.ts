import { CallFigures, CallOutcome, CallRecordSource, callRecord, callTimingsMs } from '@dutyline/domain';
import { CallRow } from '../entities/call.entities';

/**
 * What the call store keeps of a call: the domain's record source (escalation state with its plan
 * snapshot, timeline, comments) with the number called and the version the store compares. Whatever
 * else the owner puts in the document (the application's last reply) is stored and read back as is.
 */
export interface CallDocument extends CallRecordSource {
  /** Set by the store: 1 once created, one more on each save. */
  readonly version: number;
  /** E.164 of the number called. */
  readonly hotlineNumber: string;
}

/** The row for `call` at `version`: the document without its version, and the columns the log is listed on. */
export function callRowOf(call: CallDocument, version: number): CallRow {
  const record = callRecord(call);
  const { timeToAnswerMs, durationMs } = callTimingsMs(call);
  const { version: _ignored, ...document } = call;
  return {
    id: call.id,
    accountId: call.accountId,
    hotlineId: call.hotlineId,
    hotlineNumber: call.hotlineNumber,
    carrier: call.carrier,
    carrierCallId: call.carrierCallId,
    caller: call.caller,
    outcome: record.outcome,
    answeredBy: record.answeredBy?.personId ?? null,
    answeredByName: record.answeredBy?.personName ?? null,
    timeToAnswerMs,
    durationMs,
    startedAt: record.startedAt,
    version,
    document: JSON.stringify(document),
  };
}

/** The stored call, its version from the row (the document does not carry it). */
export function callOfRow<C extends CallDocument>(row: CallRow): C {
  return { ...(JSON.parse(row.document) as Omit<C, 'version'>), version: row.version } as C;
}

/** The columns the statistics read of a call (`SqlCallStore.callFigures`), as the driver hands them back. */
export type CallFiguresRow = Pick<CallRow, 'outcome' | 'answeredBy' | 'answeredByName'> & {
  /** BIGINT: a string from mysql2, a number from SQLite. */
  readonly timeToAnswerMs: string | number | null;
  readonly durationMs: string | number | null;
};

/** A call's figures from its columns: the same values as its record (`callTimingsMs` ÷ 1000). */
export function callFiguresOfRow(row: CallFiguresRow): CallFigures {
  const seconds = (ms: string | number | null) => (ms === null ? null : Number(ms) / 1000);
  return {
    outcome: row.outcome as CallOutcome,
    answeredBy: row.answeredBy === null ? null : { personId: row.answeredBy, personName: row.answeredByName ?? '' },
    timeToAnswerSeconds: seconds(row.timeToAnswerMs),
    durationSeconds: seconds(row.durationMs),
  };
}
