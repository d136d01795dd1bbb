import { Id } from '@dutyline/domain';

/**
 * "This changed, forget what you cached of it", between every process serving the same data.
 * Topics: `hotline:<id>` (its schedule, overrides or settings), `number:<e164>` (which hotline
 * answers it), `account:<id>` (its directory: people and teams), `*` (everything).
 *
 * `publish` delivers to this process's handlers before it resolves; other processes follow within
 * moments. Caches that trust these messages must not serve while `live` is false (messages from
 * other processes may be missed then); after an outage the bus delivers `*`.
 * Failure contract: `publish` rejects when the message could not leave this process (the local
 * handlers got it); the change itself is committed.
 */
export interface InvalidationBus {
  readonly live: boolean;
  publish(topic: string): Promise<void>;
  /** Returns the unsubscribe. */
  subscribe(handler: (topic: string) => void): () => void;
  close(): Promise<void>;
}

export const EVERYTHING = '*';
export const hotlineTopic = (hotlineId: Id) => `hotline:${hotlineId}`;
export const numberTopic = (e164: string) => `number:${e164}`;
export const accountTopic = (accountId: Id) => `account:${accountId}`;

export type Invalidation =
  | { readonly kind: 'hotline'; readonly hotlineId: Id }
  | { readonly kind: 'number'; readonly e164: string }
  | { readonly kind: 'account'; readonly accountId: Id }
  | { readonly kind: 'everything' };

/** What a topic says; one this version does not know counts as everything (safe, if wasteful). */
export function invalidationOf(topic: string): Invalidation {
  const colon = topic.indexOf(':');
  const [kind, id] = colon < 0 ? [topic, ''] : [topic.slice(0, colon), topic.slice(colon + 1)];
  if (id !== '') {
    if (kind === 'hotline') return { kind, hotlineId: id };
    if (kind === 'number') return { kind, e164: id };
    if (kind === 'account') return { kind, accountId: id };
  }
  return { kind: 'everything' };
}

/** The embedded default: one process, so every message is delivered at once and none is ever missed. */
export class InProcessInvalidationBus implements InvalidationBus {
  readonly live = true;
  private readonly handlers = new Set<(topic: string) => void>();

  async publish(topic: string): Promise<void> {
    for (const handler of [...this.handlers]) handler(topic);
  }

  subscribe(handler: (topic: string) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
