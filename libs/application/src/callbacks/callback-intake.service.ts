import {
  AuditLog,
  CallbackCountry,
  CallbackOffer,
  CallbackServiceRef,
  Clock,
  HotlineRepository,
  IdGenerator,
  Result,
  TeamRepository,
  allowedCallbackCountries,
  assertId,
  callbackOffer,
  err,
  invalid,
  ok,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';
import { CallbackIntakeSettingsStore } from './ports';

/** How a service takes callback requests in, as clients see it. */
export interface CallbackIntakeView {
  readonly service: CallbackServiceRef;
  /** Where the hotline's call flow offers a callback; null: nowhere (and always for teams). */
  readonly offer: CallbackOffer | null;
  /** Countries keyed numbers may be in; null: the hotline's own country only. */
  readonly allowedCountries: readonly CallbackCountry[] | null;
  readonly updatedAt: number | null;
}

export interface CallbackIntakeChanges {
  /** `{ at }`; null removes the offer; absent keeps it. */
  readonly offer?: { readonly at?: string | null } | null;
  /** ISO codes; null (or empty) goes back to the hotline's country; absent keeps them. */
  readonly allowedCountries?: readonly string[] | null;
}

/**
 * Per-service intake settings (F19): the callback offer of a hotline's call flow and the countries a
 * service calls back (toll-fraud protection). A change keeps what it does not name; errors name the field.
 */
export class CallbackIntakeService {
  private readonly audit: AuditRecorder;

  constructor(
    private readonly deps: {
      readonly intake: CallbackIntakeSettingsStore;
      readonly hotlines: HotlineRepository;
      readonly teams: TeamRepository;
      readonly audit: AuditLog;
      readonly clock: Clock;
      readonly ids: IdGenerator;
    },
  ) {
    this.audit = new AuditRecorder(deps);
  }

  async settings(caller: Caller, service: CallbackServiceRef): Promise<Result<CallbackIntakeView, NotFoundRefusal>> {
    const missing = await this.missing(caller, service);
    if (missing) return err(missing);
    return ok(await this.view(caller, service));
  }

  async update(
    caller: Caller,
    service: CallbackServiceRef,
    changes: CallbackIntakeChanges,
  ): Promise<Result<CallbackIntakeView, NotFoundRefusal>> {
    const missing = await this.missing(caller, service);
    if (missing) return err(missing);
    const before = await this.view(caller, service);
    const offer = changes.offer === undefined ? before.offer : callbackOffer(changes.offer, 'offer');
    if (offer !== null && service.kind !== 'hotline')
      invalid('INVALID_CALLBACK_OFFER', 'offer', 'only a hotline offers callbacks in its call flow');
    const countries =
      changes.allowedCountries === undefined
        ? before.allowedCountries
        : changes.allowedCountries === null || changes.allowedCountries.length === 0
          ? null
          : allowedCallbackCountries(changes.allowedCountries, 'allowedCountries');
    const updatedAt = this.deps.clock.now();
    await this.deps.intake.saveIntakeSettings({
      accountId: caller.accountId,
      service,
      offer,
      allowedCountries: countries,
      updatedAt,
    });
    const after: CallbackIntakeView = { service, offer, allowedCountries: countries, updatedAt };
    await this.audit.record(caller, {
      action: 'callback-intake.updated',
      entityType: 'callback-intake',
      entityId: service.id,
      before,
      after,
    });
    return ok(after);
  }

  private async view(caller: Caller, service: CallbackServiceRef): Promise<CallbackIntakeView> {
    const saved = await this.deps.intake.intakeSettings(caller.accountId, service);
    return {
      service,
      offer: saved?.offer ?? null,
      allowedCountries: saved?.allowedCountries ?? null,
      updatedAt: saved?.updatedAt ?? null,
    };
  }

  private async missing(caller: Caller, service: CallbackServiceRef): Promise<NotFoundRefusal | undefined> {
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
