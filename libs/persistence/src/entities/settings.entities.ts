import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, jsonColumn, textColumn } from './columns';
import { belongsToAccount, ownedBy } from './constraints';
import { TeamRow } from './directory.entities';
import { HotlineRow } from './hotline.entities';

@Entity({ name: 'on_call_patterns' })
@Index('IDX_on_call_patterns_sort', ['accountId', 'sortName', 'id'])
@belongsToAccount(() => AccountRow, 'FK_on_call_patterns_account')
export class PatternRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(120, 'sort_name')) sortName!: string;
  /** JSON, as the domain's `onCallPattern()` takes its windows. */
  @Column(jsonColumn('windows')) windows!: string;
}

/** A service's callback policy; both kinds of service share this shape. */
abstract class CallbackSettingsColumns {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  /** JSON, as the domain's `callbackPolicy()` takes it. */
  @Column(jsonColumn('policy')) policy!: string;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}

@Entity({ name: 'hotline_callback_settings' })
@ownedBy(() => HotlineRow, 'serviceId', 'FK_hotline_callback_settings_hotlines')
export class HotlineCallbackSettingsRow extends CallbackSettingsColumns {
  @PrimaryColumn(idColumn('hotline_id')) serviceId!: string;
}

@Entity({ name: 'team_callback_settings' })
@ownedBy(() => TeamRow, 'serviceId', 'FK_team_callback_settings_teams')
export class TeamCallbackSettingsRow extends CallbackSettingsColumns {
  @PrimaryColumn(idColumn('team_id')) serviceId!: string;
}
