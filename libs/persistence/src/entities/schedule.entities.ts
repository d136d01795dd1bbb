import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, intColumn, nullableIdColumn, nullableIntColumn, textColumn } from './columns';
import { ownedBy, refersTo } from './constraints';
import { PersonRow, TeamRow } from './directory.entities';
import { HotlineRow } from './hotline.entities';

const ONE_KIND = '(person_id IS NULL) <> (team_id IS NULL)';

@Entity({ name: 'schedule_versions' })
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_schedule_versions_hotlines')
export class ScheduleVersionRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  @Column(intColumn()) version!: number;
}

@Entity({ name: 'slots' })
@Index('IDX_slots_start', ['accountId', 'hotlineId', 'start'])
@Index('IDX_slots_end', ['accountId', 'hotlineId', 'end'])
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_slots_hotlines')
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
@Check('CHK_slot_assignees_one_kind', ONE_KIND)
@Index('IDX_slot_assignees_person', ['accountId', 'personId'])
@Index('IDX_slot_assignees_team', ['accountId', 'teamId'])
@ownedBy(() => SlotRow, 'slotId', 'FK_slot_assignees_slots')
@refersTo(() => PersonRow, 'personId', 'FK_slot_assignees_person')
@refersTo(() => TeamRow, 'teamId', 'FK_slot_assignees_team')
export class SlotAssigneeRow extends AssigneeColumns {
  @PrimaryColumn(idColumn('slot_id')) slotId!: string;
}

@Entity({ name: 'overrides' })
@Index('IDX_overrides_end', ['accountId', 'hotlineId', 'end'])
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_overrides_hotlines')
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
@Check('CHK_override_assignees_one_kind', ONE_KIND)
@Index('IDX_override_assignees_person', ['accountId', 'personId'])
@Index('IDX_override_assignees_team', ['accountId', 'teamId'])
@ownedBy(() => OverrideRow, 'overrideId', 'FK_override_assignees_overrides')
@refersTo(() => PersonRow, 'personId', 'FK_override_assignees_person')
@refersTo(() => TeamRow, 'teamId', 'FK_override_assignees_team')
export class OverrideAssigneeRow extends AssigneeColumns {
  @PrimaryColumn(idColumn('override_id')) overrideId!: string;
}
