import { Id } from '../shared';
import { Override } from './slot';

/**
 * Orders ids the way they were handed out: shorter first, then character by character, so
 * `ovr-9` comes before `ovr-10` and equal-length ids (UUIDs, ULIDs) compare as text.
 */
export function compareIds(a: Id, b: Id): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Negative when `a` gives way to `b`: the override created last wins; on equal `createdAt`
 * the higher id wins.
 */
export function compareOverridePrecedence(a: Override, b: Override): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}
