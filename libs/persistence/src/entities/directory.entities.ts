import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { flagColumn, idColumn, intColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy, refersTo } from './constraints';

@Entity({ name: 'people' })
@Index('IDX_people_sort', ['accountId', 'sortName', 'id'])
@belongsToAccount(() => AccountRow, 'FK_people_account')
export class PersonRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(120, 'sort_name')) sortName!: string;
  @Column(textColumn(7)) colour!: string;
  @Column(textColumn(254, 'email', true)) email!: string | null;
  /** How many Dutyline calls the person takes at once (F26). */
  @Column({ ...intColumn('max_simultaneous_calls'), default: 1 }) maxSimultaneousCalls!: number;
}

@Entity({ name: 'person_numbers' })
@ownedBy(() => PersonRow, 'personId', 'FK_person_numbers_people')
export class PersonNumberRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('person_id')) personId!: string;
  /** 0 is dialled first. */
  @PrimaryColumn(intColumn()) position!: number;
  /** E.164 */
  @Column(textColumn(16)) number!: string;
  @Column(textColumn(40)) label!: string;
  @Column(intColumn('ring_timeout_seconds')) ringTimeoutSeconds!: number;
  @Column(flagColumn('enabled')) enabled!: boolean;
}

@Entity({ name: 'teams' })
@Index('IDX_teams_sort', ['accountId', 'sortName', 'id'])
@belongsToAccount(() => AccountRow, 'FK_teams_account')
export class TeamRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(120, 'sort_name')) sortName!: string;
  @Column(textColumn(7)) colour!: string;
}

@Entity({ name: 'team_members' })
@Index('IDX_team_members_person', ['accountId', 'personId'])
@ownedBy(() => TeamRow, 'teamId', 'FK_team_members_teams')
@refersTo(() => PersonRow, 'personId', 'FK_team_members_person')
export class TeamMemberRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('team_id')) teamId!: string;
  /** 0 is rung first. */
  @PrimaryColumn(intColumn()) position!: number;
  @Column(idColumn('person_id')) personId!: string;
}
