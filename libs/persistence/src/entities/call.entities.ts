import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, intColumn, jsonColumn, nullableIdColumn, textColumn } from './columns';
import { belongsToAccount } from './constraints';

/**
 * One inbound call (F17): the whole call as a JSON document (its escalation state with the plan
 * snapshot, its timeline, comments, the last reply), written compare-and-set on `version`, and beside
 * it the columns the call log is filtered and sorted on, derived from the document on every write.
 * No foreign key to the hotline: the log outlives a deleted hotline and keeps its name and number.
 */
@Entity({ name: 'calls' })
@Index('IDX_calls_account_started', ['accountId', 'startedAt', 'id'])
@Index('IDX_calls_account_hotline_started', ['accountId', 'hotlineId', 'startedAt', 'id'])
@Index('UQ_calls_carrier_call', ['carrier', 'carrierCallId'], { unique: true })
@belongsToAccount(() => AccountRow, 'FK_calls_account')
export class CallRow {
  @PrimaryColumn(idColumn('id')) id!: string;
  /** Null when the call could not be tied to a hotline (its number unknown while the store was down). */
  @Column(nullableIdColumn('account_id')) accountId!: string | null;
  @Column(nullableIdColumn('hotline_id')) hotlineId!: string | null;
  @Column(textColumn(16, 'hotline_number')) hotlineNumber!: string;
  @Column(textColumn(32, 'carrier')) carrier!: string;
  @Column(textColumn(128, 'carrier_call_id')) carrierCallId!: string;
  @Column(textColumn(16, 'caller', true)) caller!: string | null;
  /** `in-progress`, `answered`, `voicemail`, `message`, `abandoned`. */
  @Column(textColumn(16, 'outcome')) outcome!: string;
  /** The person who took the call, and their name as the log shows it. */
  @Column(nullableIdColumn('answered_by')) answeredBy!: string | null;
  @Column(textColumn(120, 'answered_by_name', true)) answeredByName!: string | null;
  /** The record's time to answer and length, in whole milliseconds (`callTimingsMs`), for the statistics. */
  @Column(instantColumn('time_to_answer_ms', true)) timeToAnswerMs!: number | null;
  @Column(instantColumn('duration_ms', true)) durationMs!: number | null;
  @Column(instantColumn('started_at')) startedAt!: number;
  @Column(intColumn('version')) version!: number;
  @Column(jsonColumn('document')) document!: string;
}
