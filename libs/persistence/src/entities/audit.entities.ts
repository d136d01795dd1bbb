import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountRow } from './account.entities';
import { idColumn, instantColumn, jsonColumn, nullableIdColumn, textColumn } from './columns';
import { belongsToAccount } from './constraints';

@Entity({ name: 'audit_log' })
@Index('IDX_audit_log_at', ['accountId', 'at', 'id'])
@Index('IDX_audit_log_entity', ['accountId', 'entityType', 'entityId'])
@belongsToAccount(() => AccountRow, 'FK_audit_log_account')
export class AuditEntryRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn()) id!: string;
  @Column(textColumn(16, 'actor_kind')) actorKind!: string;
  @Column(nullableIdColumn('actor_id')) actorId!: string | null;
  @Column(textColumn(64)) action!: string;
  @Column(textColumn(32, 'entity_type')) entityType!: string;
  @Column(idColumn('entity_id')) entityId!: string;
  @Column(jsonColumn('before_json')) before!: string;
  @Column(jsonColumn('after_json')) after!: string;
  @Column(instantColumn('at')) at!: number;
}
