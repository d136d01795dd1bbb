import { Id, Instant, NotFound, Result } from '../shared';
import { CallbackPolicy } from './callback-policy';

/** The service whose callback requests follow a policy: a hotline, or a team acting as a service. */
export interface CallbackServiceRef {
  readonly kind: 'hotline' | 'team';
  readonly id: Id;
}

/** A service's callback policy (F20) as last saved. */
export interface CallbackSettings {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  readonly policy: CallbackPolicy;
  readonly updatedAt: Instant;
}

/**
 * Per-service callback settings; deleting the hotline or team deletes its settings.
 * Failure contract: the repositories' one (shared/repository-refusals.ts).
 */
export interface CallbackSettingsRepository {
  callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined>;
  /** Creates or replaces the settings of one service; a service absent from the account: `UNKNOWN_SERVICE` at `service.id`. */
  saveCallbackSettings(settings: CallbackSettings): Promise<void>;
  deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>>;
}
