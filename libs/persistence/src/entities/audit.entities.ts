import { Column, Entity, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, jsonColumn, nullableIdColumn, textColumn } from './columns';

@Entity({ name: 'audit_log' })
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
