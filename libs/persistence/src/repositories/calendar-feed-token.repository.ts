import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { CalendarFeedOwner, Clock, Id, invalid } from '@dutyline/domain';
import { DataSource, EntityManager } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { CalendarFeedTokenRow } from '../entities';
import { isUniqueViolation } from '../support/store-errors';

export interface CalendarFeedTokenSettings {
  /** The deployment's secret (`AUTH_SECRET`), at least 32 characters: the key sealing the stored tokens derives from it. */
  readonly secret: string;
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const ownerWhere = (accountId: Id, owner: CalendarFeedOwner) =>
  owner.kind === 'person' ? { accountId, personId: owner.id } : { accountId, hotlineId: owner.id };
/** Binds a sealed token to its row's owner: a sealed value copied onto another owner does not open. */
const ownerLabel = (accountId: Id, owner: CalendarFeedOwner) =>
  Buffer.from(`${accountId}\n${owner.kind}\n${owner.id}`, 'utf8');

/**
 * Calendar feed tokens (the application's `CalendarFeedTokens` port): 256 random bits per person or
 * hotline; the database keeps the token's SHA-256, which is what a fetch looks up, and the token
 * sealed with AES-256-GCM under a key derived from the deployment's secret, so that `calendarUrl`
 * can show the same URL again. No cache: a rotated token is refused by every instance at once.
 * When the secret changes, the sealed tokens no longer open and the next read issues a new one.
 */
export class SqlCalendarFeedTokens {
  private readonly store: SqlStore;
  private readonly key: Buffer;

  /** @throws ValidationError `INVALID_SECRET` at `secret` */
  constructor(
    dataSource: DataSource,
    settings: CalendarFeedTokenSettings,
    private readonly clock: Clock,
  ) {
    if (typeof settings.secret !== 'string' || settings.secret.length < 32)
      invalid('INVALID_SECRET', 'secret', 'the secret has at least 32 characters');
    this.store = new SqlStore(dataSource);
    this.key = Buffer.from(hkdfSync('sha256', settings.secret, 'dutyline', 'calendar-feed-tokens', 32));
  }

  async currentToken(accountId: Id, owner: CalendarFeedOwner, retried = false): Promise<string> {
    const row = await this.store.read((manager) =>
      manager.findOne(CalendarFeedTokenRow, { where: ownerWhere(accountId, owner) }),
    );
    const token = row ? this.unseal(row, accountId, owner) : undefined;
    if (token !== undefined) return token;
    try {
      return await this.store.write(async (manager) => {
        // A token sealed under another secret is replaced, and only that one.
        if (row) await manager.delete(CalendarFeedTokenRow, { tokenHash: row.tokenHash });
        return this.issue(manager, accountId, owner);
      });
    } catch (error) {
      // Another first read issued one meanwhile: theirs it is.
      if (
        !retried &&
        isUniqueViolation(error, {
          name: `UQ_calendar_feed_tokens_${owner.kind}`,
          columns: `calendar_feed_tokens.${owner.kind}_id`,
        })
      ) {
        return this.currentToken(accountId, owner, true);
      }
      throw error;
    }
  }

  rotateToken(accountId: Id, owner: CalendarFeedOwner): Promise<string> {
    return this.store.write(async (manager) => {
      await manager.delete(CalendarFeedTokenRow, ownerWhere(accountId, owner));
      return this.issue(manager, accountId, owner);
    });
  }

  async resolveToken(token: string): Promise<{ accountId: Id; owner: CalendarFeedOwner } | undefined> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
    const row = await this.store.read((manager) =>
      manager.findOne(CalendarFeedTokenRow, { where: { tokenHash: hashOf(token) } }),
    );
    if (!row) return undefined;
    const owner: CalendarFeedOwner | undefined =
      row.personId !== null
        ? { kind: 'person', id: row.personId }
        : row.hotlineId !== null
          ? { kind: 'hotline', id: row.hotlineId }
          : undefined;
    return owner && { accountId: row.accountId, owner };
  }

  /** Stores a new token for an owner that has none; resolves with it. */
  private async issue(manager: EntityManager, accountId: Id, owner: CalendarFeedOwner): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(CalendarFeedTokenRow, {
      tokenHash: hashOf(token),
      accountId,
      personId: owner.kind === 'person' ? owner.id : null,
      hotlineId: owner.kind === 'hotline' ? owner.id : null,
      sealedToken: this.seal(token, accountId, owner),
      createdAt: this.clock.now(),
    });
    return token;
  }

  private seal(token: string, accountId: Id, owner: CalendarFeedOwner): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce).setAAD(ownerLabel(accountId, owner));
    const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The row's token, or undefined when it cannot be opened (another secret) or does not match its hash. */
  private unseal(row: CalendarFeedTokenRow, accountId: Id, owner: CalendarFeedOwner): string | undefined {
    try {
      const bytes = Buffer.from(row.sealedToken, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, NONCE_BYTES)).setAAD(
        ownerLabel(accountId, owner),
      );
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      const token = Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return hashOf(token) === row.tokenHash ? token : undefined;
    } catch {
      return undefined;
    }
  }
}
