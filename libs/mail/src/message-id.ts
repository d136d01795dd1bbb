import { createHash } from 'node:crypto';

/**
 * The `Message-ID` a message sent under `idempotencyKey` carries: the same key always gives the same
 * id, so a receiver (or a test) spots a repeated send. The key is hashed: it may hold any character.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  return `<dutyline.${digest}@${domain}>`;
}
