import { Id, Instant, NotFound, Result } from '../shared';
import { ApiKey } from './api-key';

/** Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface ApiKeyRepository {
  /** Stores a new key; rejects (store error) when the id or the prefix exists. */
  createApiKey(key: ApiKey): Promise<void>;
  /** The key with this prefix, whatever its account, revoked or not (the caller checks `revokedAt`). */
  apiKeyByPrefix(prefix: string): Promise<ApiKey | undefined>;
  /** The same, with whether the key's account is disabled: what authenticating a request needs, in one read. */
  apiKeyCredential(prefix: string): Promise<{ readonly key: ApiKey; readonly accountDisabled: boolean } | undefined>;
  /** Newest first. */
  apiKeys(accountId: Id): Promise<ApiKey[]>;
  /** Revoking twice keeps the first instant. */
  revokeApiKey(accountId: Id, id: Id, at: Instant): Promise<Result<void, NotFound>>;
  /** Records a use; never moves `lastUsedAt` backwards. Best effort: an absent key is ignored. */
  touchApiKey(accountId: Id, id: Id, at: Instant): Promise<void>;
}
