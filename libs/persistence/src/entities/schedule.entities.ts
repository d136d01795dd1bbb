import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, intColumn, nullableIdColumn, nullableIntColumn, textColumn } from './columns';

@Entity({ name: 'schedule_versions' })
export class ScheduleVersionRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  @Column(intColumn()) version!: number;
}

@Entity({ name: 'slots' })
export class SlotRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(idColumn('hotline_id')) hotlineId!: string;
  /** `YYYY-MM-DDTHH:mm`, the hotline's wall-clock time. */
  @Column(textColumn(16, 'start_local')) start!: string;
  @Column(textColumn(16, 'end_local')) end!: string;
}

/** One escalation level: exactly one of `personId`, `teamId` is set. */
abstract class AssigneeColumns {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  /** 0 is the first level. */
  @PrimaryColumn(intColumn()) position!: number;
  @Column(nullableIdColumn('person_id')) personId!: string | null;
  @Column(nullableIdColumn('team_id')) teamId!: string | null;
}

@Entity({ name: 'slot_assignees' })
export class SlotAssigneeRow extends AssigneeColumns {
  @PrimaryColumn(idColumn('slot_id')) slotId!: string;
}

@Entity({ name: 'overrides' })
export class OverrideRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(idColumn('hotline_id')) hotlineId!: string;
  @Column(instantColumn('start_at')) start!: number;
  @Column(instantColumn('end_at')) end!: number;
  @Column(nullableIntColumn('level')) level!: number | null;
  @Column(textColumn(500, 'reason', true)) reason!: string | null;
  @Column(instantColumn('created_at')) createdAt!: number;
}

@Entity({ name: 'override_assignees' })
export class OverrideAssigneeRow extends AssigneeColumns {
  @PrimaryColumn(idColumn('override_id')) overrideId!: string;
}
