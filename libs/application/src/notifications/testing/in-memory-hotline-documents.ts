import { Instant, VersionConflictError, invalid } from '@dutyline/domain';
import { DocumentWrite, HotlineDocument, HotlineDocumentStore, HotlineKey } from '../ports';

interface Row {
  readonly version: number;
  readonly body: string;
  readonly pending: number;
  readonly updatedAt: Instant;
}

const keyOf = (hotline: HotlineKey, kind: string) => `${hotline.accountId}/${hotline.hotlineId}/${kind}`;

/** Hotline documents in memory, compare-and-set and JSON round-tripped like the SQL store; `hotlines` are those that exist. */
export class InMemoryHotlineDocuments implements HotlineDocumentStore {
  readonly hotlines: HotlineKey[] = [];
  private readonly rows = new Map<string, Row>();

  async document<T>(hotline: HotlineKey, kind: string): Promise<HotlineDocument<T> | undefined> {
    const row = this.rows.get(keyOf(hotline, kind));
    return row && { version: row.version, body: JSON.parse(row.body) as T, updatedAt: row.updatedAt };
  }

  async saveDocument<T>(hotline: HotlineKey, kind: string, write: DocumentWrite<T>): Promise<number> {
    const { expectedVersion, body } = write;
    if (!this.hotlines.some((h) => h.accountId === hotline.accountId && h.hotlineId === hotline.hotlineId)) {
      invalid('UNKNOWN_HOTLINE', 'hotlineId', `there is no hotline ${hotline.hotlineId} in this account`);
    }
    const stored = this.rows.get(keyOf(hotline, kind))?.version ?? 0;
    if (stored !== expectedVersion)
      throw new VersionConflictError(`the ${kind} document is at ${stored}, not ${expectedVersion}`);
    this.rows.set(keyOf(hotline, kind), {
      version: stored + 1,
      body: JSON.stringify(body),
      pending: write.pending ?? 0,
      updatedAt: write.at,
    });
    return stored + 1;
  }

  async pendingDocuments(kind: string): Promise<HotlineKey[]> {
    return this.hotlines.filter((h) => (this.rows.get(keyOf(h, kind))?.pending ?? 0) > 0);
  }

  async allHotlines(): Promise<HotlineKey[]> {
    return [...this.hotlines];
  }
}
