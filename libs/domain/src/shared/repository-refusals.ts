import { Id } from './ids';

/*
 * Repositories. Failure contract shared by all of them, unless a method says otherwise:
 * - every read and write is scoped to `accountId`: another account's ids behave exactly as if they
 *   did not exist (reads find nothing, deletes report NOT_FOUND, references are unknown);
 * - input that names something absent from the account (a person on a slot, a slot to update) is
 *   refused with a `ValidationError` carrying a stable `code` and the `field` path; nothing is written;
 * - expected refusals (a number already taken, a person still in use) are `Result` values;
 * - any other rejection means the store is unreachable or failed: nothing was written, try again later.
 */

/** The stored version moved on since it was read: reload, re-apply, retry. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  readonly code = 'VERSION_CONFLICT';
}

export interface NotFound {
  readonly code: 'NOT_FOUND';
}

/** What still names a person or a team, so it cannot be deleted yet. */
export interface InUse {
  readonly code: 'IN_USE';
  readonly usedBy: readonly { readonly kind: 'team' | 'hotline' | 'slot' | 'override'; readonly id: Id }[];
}

export interface NumberTaken {
  readonly code: 'NUMBER_TAKEN';
}
