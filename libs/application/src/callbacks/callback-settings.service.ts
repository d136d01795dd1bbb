import {
  AuditLog,
  CallbackPolicy,
  CallbackPolicyInput,
  CallbackServiceRef,
  CallbackSettingsRepository,
  Clock,
  DEFAULT_CALLBACK_POLICY,
  HotlineRepository,
  Id,
  IdGenerator,
  Instant,
  Result,
  TeamRepository,
  assertId,
  callbackPolicy,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';

export interface CallbackSettingsServiceDeps {
  readonly settings: CallbackSettingsRepository;
  readonly hotlines: HotlineRepository;
  readonly teams: TeamRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A service's callback policy as clients see it. */
export interface CallbackSettingsView {
  readonly service: CallbackServiceRef;
  readonly policy: CallbackPolicy;
  /** Nothing saved: the documented defaults apply (`DEFAULT_CALLBACK_POLICY`). */
  readonly isDefault: boolean;
  /** When they were last saved; null for the defaults. */
  readonly updatedAt: Instant | null;
}

/**
 * Per-service callback settings (F20): maximum processing days, maximum attempts, minimum hours
 * between attempts, mode, claim and retry minutes. A change keeps the fields it does not name, is
 * validated whole by the domain, and only reaches requests opened afterwards: each request freezes
 * the policy it was opened under (`policyForNewRequest`).
 */
export class CallbackSettingsService {
  private readonly audit: AuditRecorder;

  constructor(private readonly deps: CallbackSettingsServiceDeps) {
    this.audit = new AuditRecorder(deps);
  }

  async settings(caller: Caller, service: CallbackServiceRef): Promise<Result<CallbackSettingsView, NotFoundRefusal>> {
    const missing = await this.missingService(caller, service);
    if (missing) return err(missing);
    return ok(await this.view(caller.accountId, service));
  }

  /** Errors name the field (`maxAttempts`); an absent field keeps its current value. */
  async updateSettings(
    caller: Caller,
    service: CallbackServiceRef,
    changes: CallbackPolicyInput,
  ): Promise<Result<CallbackSettingsView, NotFoundRefusal>> {
    const missing = await this.missingService(caller, service);
    if (missing) return err(missing);
    const before = await this.view(caller.accountId, service);
    const defined = Object.fromEntries(
      Object.entries(changes ?? {}).filter(([, value]) => value !== undefined && value !== null),
    );
    const policy = callbackPolicy({ ...before.policy, ...defined });
    const updatedAt = this.deps.clock.now();
    await this.deps.settings.saveCallbackSettings({ accountId: caller.accountId, service, policy, updatedAt });
    await this.audit.record(caller, {
      action: 'callback-settings.updated',
      entityType: 'callback-settings',
      entityId: service.id,
      before: stored(before),
      after: policy,
    });
    return ok({ service, policy, isDefault: false, updatedAt });
  }

  /** Back to the defaults. */
  async resetSettings(
    caller: Caller,
    service: CallbackServiceRef,
  ): Promise<Result<CallbackSettingsView, NotFoundRefusal>> {
    const missing = await this.missingService(caller, service);
    if (missing) return err(missing);
    const before = await this.view(caller.accountId, service);
    if (!before.isDefault) {
      await this.deps.settings.deleteCallbackSettings(caller.accountId, service);
      await this.audit.record(caller, {
        action: 'callback-settings.reset',
        entityType: 'callback-settings',
        entityId: service.id,
        before: before.policy,
        after: null,
      });
    }
    return ok({ service, policy: DEFAULT_CALLBACK_POLICY, isDefault: true, updatedAt: null });
  }

  /** The policy a request opened now for this service is frozen with (the worker and the intake call it). */
  async policyForNewRequest(accountId: Id, service: CallbackServiceRef): Promise<CallbackPolicy> {
    return (await this.view(accountId, service)).policy;
  }

  private async view(accountId: Id, service: CallbackServiceRef): Promise<CallbackSettingsView> {
    const saved = await this.deps.settings.callbackSettings(accountId, service);
    return saved
      ? { service, policy: saved.policy, isDefault: false, updatedAt: saved.updatedAt }
      : { service, policy: DEFAULT_CALLBACK_POLICY, isDefault: true, updatedAt: null };
  }

  /** `NOT_FOUND` at `service.id` when the account has no such hotline or team. */
  private async missingService(caller: Caller, service: CallbackServiceRef): Promise<NotFoundRefusal | undefined> {
    if (service?.kind !== 'hotline' && service?.kind !== 'team')
      invalid('INVALID_SERVICE', 'service.kind', 'a service is a "hotline" or a "team"');
    const id = assertId(service.id, 'service.id');
    const found =
      service.kind === 'hotline'
        ? await this.deps.hotlines.byId(caller.accountId, id)
        : await this.deps.teams.team(caller.accountId, id);
    return found ? undefined : notFound(service.kind, id, 'service.id');
  }
}

const stored = (view: CallbackSettingsView) => (view.isDefault ? null : view.policy);
