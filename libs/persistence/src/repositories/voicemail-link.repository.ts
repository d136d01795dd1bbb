import { createHash, randomBytes } from 'node:crypto';
import { Id, Instant, invalid } from '@dutyline/domain';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { VoicemailLinkRow } from '../entities';

export interface VoicemailLinkSettings {
  /** Where the gateway serves the links, e.g. `https://hotline.example.org`; links are `<publicUrl>/voicemail/<token>`. */
  readonly publicUrl: string;
}

export interface StoredVoicemailLink {
  readonly accountId: Id;
  readonly callId: Id;
  readonly recording: string;
  readonly expiresAt: Instant;
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Links that play a voicemail (the application's `VoicemailLinks` and `VoicemailLinkResolver`
 * ports): a 256-bit random token in the URL, only its SHA-256 in the database, an expiry instant.
 * Failure contract: a rejection means the store is unreachable; nothing was written.
 */
export class SqlVoicemailLinks {
  private readonly store: SqlStore;
  private readonly base: string;

  /** @throws ValidationError `INVALID_URL` at `publicUrl` */
  constructor(dataSource: DataSource, settings: VoicemailLinkSettings) {
    this.store = new SqlStore(dataSource);
    const url = URL.canParse(settings.publicUrl) ? new URL(settings.publicUrl) : null;
    if (!url || !['http:', 'https:'].includes(url.protocol))
      invalid('INVALID_URL', 'publicUrl', 'the public URL is an http(s) URL');
    this.base = url.toString().replace(/\/+$/, '');
  }

  async issueVoicemailLink(request: StoredVoicemailLink): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.store.write((manager) =>
      manager.insert(VoicemailLinkRow, {
        tokenHash: hashOf(token),
        accountId: request.accountId,
        callId: request.callId,
        recording: JSON.stringify(request.recording),
        expiresAt: request.expiresAt,
      }),
    );
    return { url: `${this.base}/voicemail/${token}` };
  }

  /** What the token opens, or `undefined` when it is malformed, unknown or expired at `at`. */
  resolveVoicemailLink(token: string, at: Instant): Promise<StoredVoicemailLink | undefined> {
    if (typeof token !== 'string' || !TOKEN.test(token)) return Promise.resolve(undefined);
    return this.store.read(async (manager) => {
      const row = await manager.findOne(VoicemailLinkRow, { where: { tokenHash: hashOf(token) } });
      if (!row || row.expiresAt <= at) return undefined;
      return {
        accountId: row.accountId,
        callId: row.callId,
        recording: JSON.parse(row.recording) as string,
        expiresAt: row.expiresAt,
      };
    });
  }

  /** Deletes the links expired at `at`; returns how many. */
  purgeExpired(at: Instant): Promise<number> {
    return this.store.write(
      async (manager) => (await manager.delete(VoicemailLinkRow, { expiresAt: LessThanOrEqual(at) })).affected ?? 0,
    );
  }
}
