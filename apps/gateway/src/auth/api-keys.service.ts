import { Inject, Injectable } from '@nestjs/common';
import {
  type ApiKey,
  type ApiKeyRepository,
  type Clock,
  type Id,
  type IdGenerator,
  type Role,
  assertId,
  requireText,
} from '@dutyline/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { API_KEY_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError } from '../graphql/api-errors';
import { CLOCK, ID_GENERATOR } from '../platform/platform.tokens';
import type { Actor } from './actor';
import { type IssuedApiKey, issueApiKey } from './api-key-secret';

/** What the audit log keeps of a key: never its hash. */
const audited = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  role: key.role,
  revokedAt: key.revokedAt,
});

/** API keys of the caller's account: created (secret shown once), listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(API_KEY_REPOSITORY) private readonly keys: ApiKeyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores the key's hash and returns the secret, which is never readable again. */
  async create(
    actor: Actor,
    input: { name: string; role: Role },
    issued: IssuedApiKey = issueApiKey(),
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const apiKey: ApiKey = {
      id: this.ids.next(),
      accountId: actor.accountId,
      name: requireText(input.name, 'name', 120),
      prefix: issued.prefix,
      hash: issued.hash,
      role: input.role,
      createdAt: this.clock.now(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.keys.createApiKey(apiKey);
    await this.audit.record(actor, {
      action: 'api-key.created',
      entityType: 'api-key',
      entityId: apiKey.id,
      before: null,
      after: audited(apiKey),
    });
    return { apiKey, key: issued.key };
  }

  /** Refused from the next request on; revoking twice keeps the first instant. */
  async revoke(actor: Actor, id: Id): Promise<ApiKey> {
    const keyId = assertId(id, 'id');
    const before = (await this.keys.apiKeys(actor.accountId)).find((k) => k.id === keyId);
    const revoked = await this.keys.revokeApiKey(actor.accountId, keyId, this.clock.now());
    if (!before || !revoked.ok) throw new NotFoundError('API key', 'id');
    const after = (await this.keys.apiKeys(actor.accountId)).find((k) => k.id === keyId) ?? before;
    if (before.revokedAt === null) {
      await this.audit.record(actor, {
        action: 'api-key.revoked',
        entityType: 'api-key',
        entityId: keyId,
        before: audited(before),
        after: audited(after),
      });
    }
    return after;
  }

  list(actor: Actor): Promise<ApiKey[]> {
    return this.keys.apiKeys(actor.accountId);
  }
}
