import { CallbackPolicy, Id, Instant, NotFound, Result } from '@dutyline/domain';

/** The service whose callback requests follow a policy (F20): a hotline, or a team acting as a service. */
export interface CallbackServiceRef {
  readonly kind: 'hotline' | 'team';
  readonly id: Id;
}

/** A service's callback policy as last saved. */
export interface CallbackSettings {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  readonly policy: CallbackPolicy;
  readonly updatedAt: Instant;
}

/**
 * Per-service callback settings. Scoped to `accountId` like every repository; deleting the hotline or
 * team deletes its settings. Any rejection means the store failed and nothing was written.
 */
export interface CallbackSettingsRepository {
  callbackSettings(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettings | undefined>;
  /**
   * Creates or replaces the settings of one service. A service absent from the account is refused
   * with a ValidationError `UNKNOWN_SERVICE` at `service.id`; nothing is written.
   */
  saveCallbackSettings(settings: CallbackSettings): Promise<void>;
  deleteCallbackSettings(accountId: Id, service: CallbackServiceRef): Promise<Result<void, NotFound>>;
}
