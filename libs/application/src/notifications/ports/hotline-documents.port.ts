import { Instant } from '@dutyline/domain';
import { HotlineKey } from './gap-alert-state.port';

/** A JSON document of a hotline, with the version it was read at. */
export interface HotlineDocument<T> {
  readonly version: number;
  readonly body: T;
  readonly updatedAt: Instant;
}

/**
 * One versioned JSON document per hotline and `kind`, deleted with the hotline (the persistence
 * adapter's `SqlHotlineDocuments` has this shape). `pending` is a count kept beside the body, so the
 * documents that still owe something are found without reading every body.
 * Failure contract: `saveDocument` rejects with the domain's `VersionConflictError` when another
 * writer got there first, with a `ValidationError` `UNKNOWN_HOTLINE` for a hotline that is not there
 * (nothing written either way); any other rejection means the store is unreachable.
 */
export interface HotlineDocumentStore {
  document<T>(hotline: HotlineKey, kind: string): Promise<HotlineDocument<T> | undefined>;
  /** Writes `body` if the stored version is still `expectedVersion` (0: none stored yet); resolves with the new version. */
  saveDocument<T>(
    hotline: HotlineKey,
    kind: string,
    expectedVersion: number,
    body: T,
    options: { readonly at: Instant; readonly pending?: number },
  ): Promise<number>;
  /** The hotlines whose `kind` document still owes something (`pending > 0`). */
  pendingDocuments(kind: string): Promise<HotlineKey[]>;
  /** Every hotline of every account, in a stable order. */
  allHotlines(): Promise<HotlineKey[]>;
}
