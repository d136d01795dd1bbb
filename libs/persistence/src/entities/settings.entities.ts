import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, jsonColumn, textColumn } from './columns';

@Entity({ name: 'on_call_patterns' })
export class PatternRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(120)) name!: string;
  @Column(textColumn(120, 'sort_name')) sortName!: string;
  /** JSON, as the domain's `onCallPattern()` takes its windows. */
  @Column(jsonColumn('windows')) windows!: string;
}

@Entity({ name: 'hotline_callback_settings' })
export class HotlineCallbackSettingsRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) serviceId!: string;
  /** JSON, as the domain's `callbackPolicy()` takes it. */
  @Column(jsonColumn('policy')) policy!: string;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}

@Entity({ name: 'team_callback_settings' })
export class TeamCallbackSettingsRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('team_id')) serviceId!: string;
  /** JSON, as the domain's `callbackPolicy()` takes it. */
  @Column(jsonColumn('policy')) policy!: string;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}
