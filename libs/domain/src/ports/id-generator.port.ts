import { Id } from '../shared';

/** Fresh unique ids for new aggregates. Never fails, never repeats. */
export interface IdGenerator {
  next(): Id;
}
