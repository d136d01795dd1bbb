import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { flagColumn, idColumn, instantColumn, intColumn, jsonColumn, textColumn } from './columns';
import { ownedBy } from './constraints';
import { HotlineRow } from './hotline.entities';

/** A hotline's shift-start alert settings (F27), deleted with the hotline. */
@Entity({ name: 'shift_alert_settings' })
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_shift_alert_settings_hotlines')
export class ShiftAlertSettingsRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  @Column(flagColumn('enabled')) enabled!: boolean;
  @Column(intColumn('minutes_before')) minutesBefore!: number;
  /** JSON list: `["sms","email"]`. */
  @Column(jsonColumn('channels')) channels!: string;
  /** Null: no acknowledgement asked. */
  @Column({ type: 'int', name: 'ack_within_minutes', nullable: true }) ackWithinMinutes!: number | null;
}

/** A shift-start alert sent, its channels done and its acknowledgement; deleted with the hotline. */
@Entity({ name: 'shift_alerts' })
@Index('IDX_shift_alerts_duty', ['accountId', 'hotlineId', 'dutyStart'])
@Index('UQ_shift_alerts_ack', ['ackTokenHash'], { unique: true })
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_shift_alerts_hotlines')
export class ShiftAlertRow {
  /** `shift-alert:<hotline>:<person>:<start>`. */
  @PrimaryColumn({ ...idColumn('id'), length: 200 }) id!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(idColumn('hotline_id')) hotlineId!: string;
  @Column(idColumn('person_id')) personId!: string;
  @Column(intColumn('level')) level!: number;
  @Column(instantColumn('duty_start')) dutyStart!: number;
  @Column(instantColumn('duty_end')) dutyEnd!: number;
  /** JSON: step → result. */
  @Column(jsonColumn('steps')) steps!: string;
  @Column(instantColumn('sent_at', true)) sentAt!: number | null;
  @Column(textColumn(64, 'ack_token_hash', true)) ackTokenHash!: string | null;
  @Column(instantColumn('ack_expires_at', true)) ackExpiresAt!: number | null;
  @Column(instantColumn('acknowledged_at', true)) acknowledgedAt!: number | null;
  @Column(instantColumn('supervisors_told_at', true)) supervisorsToldAt!: number | null;
  @Column(instantColumn('created_at')) createdAt!: number;
}
