/** @defaultValue 50 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Forward cursor pagination. `first` outside 1…MAX_PAGE_SIZE is refused (`INVALID_PAGE_SIZE`,
 * field `first`); a cursor this store did not hand out is refused (`INVALID_CURSOR`, field `after`).
 */
export interface PageRequest {
  /** @defaultValue DEFAULT_PAGE_SIZE */
  readonly first?: number;
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}
