import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { idColumn, instantColumn, intColumn, jsonColumn } from './columns';
import { ownedBy } from './constraints';
import { HotlineRow } from './hotline.entities';

/** How calls enter a hotline (F25): rules and front as one JSON document. */
@Entity({ name: 'call_entries' })
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_call_entries_hotlines')
export class CallEntryRow {
  @PrimaryColumn(idColumn('account_id')) accountId!: string;
  @PrimaryColumn(idColumn('hotline_id')) hotlineId!: string;
  /** JSON, as the domain's `callEntry()` takes it (without `hotlineId` and `extraNumbers`). */
  @Column(jsonColumn('document')) document!: string;
  @Column(instantColumn('updated_at')) updatedAt!: number;
}

/** An extra public number leading to a hotline: unique across all accounts, like hotlines' own numbers. */
@Entity({ name: 'call_entry_numbers' })
@Index('IDX_call_entry_numbers_hotline', ['accountId', 'hotlineId'])
@ownedBy(() => HotlineRow, 'hotlineId', 'FK_call_entry_numbers_hotlines')
export class CallEntryNumberRow {
  /** E.164 */
  @PrimaryColumn({ type: 'varchar', length: 16 }) number!: string;
  @Column(idColumn('account_id')) accountId!: string;
  @Column(idColumn('hotline_id')) hotlineId!: string;
  /** Its place in the entry's list. */
  @Column(intColumn()) position!: number;
}
