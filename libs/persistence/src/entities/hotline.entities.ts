import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { flagColumn, idColumn, intColumn, jsonColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy, refersTo } from './constraints';
import { PersonRow } from './directory.entities';

@Entity({ name: 'hotlines' })
@Index('UQ_hotlines_number', ['number'], { unique: true })
@Index('IDX_hotlines_sort', ['accountId', 'sortName', 'id'])
@belongsToAccount(() => AccountRow, 'FK_hotlines_account')
export class HotlineRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(120, 'sort_name')) sortName!: string;
  /** E.164, unique across accounts. */
  @Column(textColumn(16)) number!: string;
  @Column(textColumn(64, 'time_zone')) timeZone!: string;
  @Column(textColumn(35)) language!: string;
  /** JSON, as the domain's `serviceHours()` takes it. */
  @Column(jsonColumn('service_hours')) serviceHours!: string;
  /** JSON, as the domain's `noAnswerScenario()` takes it. */
  @Column(jsonColumn('scenario')) scenario!: string;
  /** JSON, as the domain's `prompt()` takes it. */
  @Column(jsonColumn('greeting', true)) greeting!: string | null;
  @Column(flagColumn('require_answer_confirmation')) requireAnswerConfirmation!: boolean;
  @Column(textColumn(16, 'caller_id_mode')) callerIdMode!: string;
  /** JSON list of ringing strategies, index = on-call level; null (rows from before F26): every level in order. */
  @Column(jsonColumn('level_strategies', true)) levelStrategies!: string | null;
}

@Entity({ name: 'hotline_supervisors' })
@Index('IDX_hotline_supervisors_person', ['accountId', 'personId'])
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_hotline_supervisors_hotlines')
@refersTo(() => PersonRow, 'personId', 'FK_hotline_supervisors_person')
export class HotlineSupervisorRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  /** 0 is rung first. */
  @PrimaryColumn(intColumn()) position!: number;
  @Column(idColumn('person_id')) personId!: string;
}
