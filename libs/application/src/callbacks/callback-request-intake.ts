import {
  CallbackServiceRef,
  CallbackSettingsRepository,
  CallbackSource,
  Clock,
  DEFAULT_CALLBACK_POLICY,
  Hotline,
  HotlineRepository,
  Id,
  IdGenerator,
  PhoneNumber,
  Result,
  TeamRepository,
  addCallbackComment,
  err,
  ok,
  receiveCallbackRequest,
} from '@dutyline/domain';
import { CallLogger, NotFoundRefusal, notFound } from '../shared';
import { CallbackRecords } from './callback-records';
import { NoHotlineRefusal } from './callback-refusals';
import { CallbackRequestView, callbackRequestView } from './callback-request-view';
import { CallbackRequestStore } from './ports';

/** A new ask: a new request, or noted on the caller's open one. */
export interface CallbackIntakeResult {
  readonly outcome: 'opened' | 'merged';
  readonly request: CallbackRequestView;
}

/** One ask for a callback: whose, for which service, called back from which hotline, and the note kept with it. */
export interface CallbackAsk {
  readonly accountId: Id;
  readonly service: CallbackServiceRef;
  /** The hotline whose number calls back. */
  readonly via: Hotline;
  readonly number: PhoneNumber;
  readonly source: CallbackSource;
  /** Who took the ask (null: the caller, during a call) and the comment noted on the request. */
  readonly note: { readonly by: Id | null; readonly comment: string | null };
}

export interface CallbackRequestIntakeDeps {
  readonly store: CallbackRequestStore;
  readonly records: CallbackRecords;
  readonly settings: CallbackSettingsRepository;
  readonly hotlines: HotlineRepository;
  readonly teams: TeamRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: CallLogger;
}

/**
 * Taking callback requests in, for the request service (F19): a new request frozen with the service's
 * policy, or the ask noted on the caller's unclosed request for the same service (one intake of a caller
 * at a time, so two asks at once do not open twins).
 */
export class CallbackRequestIntake {
  constructor(private readonly deps: CallbackRequestIntakeDeps) {}

  /** Opens a request for the ask, or notes it on the caller's unclosed one for the service. */
  async take(ask: CallbackAsk): Promise<CallbackIntakeResult> {
    const { accountId, service, via, number, source, note } = ask;
    const saved = await this.deps.settings.callbackSettings(accountId, service);
    const policy = saved?.policy ?? DEFAULT_CALLBACK_POLICY;
    // One intake of this caller for this service at a time, so two left at once do not open twins.
    return this.deps.store.oneIntakeAtATime({ accountId, service, number: number.e164 }, async () => {
      for (let attempt = 1; ; attempt++) {
        const now = this.deps.clock.now();
        const unclosed = await this.deps.store.unclosed(accountId, service, number.e164);
        const intake = receiveCallbackRequest(
          unclosed.map((r) => r.request),
          {
            id: this.deps.ids.next(),
            serviceId: service.id,
            serviceZone: via.timeZone,
            number,
            source,
            createdAt: now,
            policy,
          },
        );
        const request = note.comment
          ? addCallbackComment(intake.request, { at: now, by: note.by, text: note.comment })
          : intake.request;
        if (intake.outcome === 'opened') {
          const created = await this.deps.records.create({
            accountId,
            service,
            viaHotlineId: via.id,
            request,
            call: null,
            version: 0,
          });
          return { outcome: 'opened', request: callbackRequestView(created, now) };
        }
        const target = unclosed.find((r) => r.request.id === request.id)!;
        try {
          const merged = await this.deps.store.save({ ...target, request });
          return { outcome: 'merged', request: callbackRequestView(merged, now) };
        } catch (error) {
          if (attempt >= 3) throw error;
          this.deps.logger.info('a repeated callback request met a concurrent change: again', {
            requestId: request.id,
          });
        }
      }
    });
  }

  /** The service's hotline (a team calls back from the account's first hotline), or a refusal naming `service.id`. */
  async serviceOf(
    accountId: Id,
    service: CallbackServiceRef,
  ): Promise<Result<{ via: Hotline }, NotFoundRefusal | NoHotlineRefusal>> {
    if (service.kind === 'hotline') {
      const hotline = await this.deps.hotlines.byId(accountId, service.id);
      return hotline ? ok({ via: hotline }) : err(notFound('hotline', service.id, 'service.id'));
    }
    if (!(await this.deps.teams.team(accountId, service.id))) return err(notFound('team', service.id, 'service.id'));
    const [first] = (await this.deps.hotlines.list(accountId, { first: 1 })).items;
    return first
      ? ok({ via: first })
      : err({
          code: 'NO_HOTLINE',
          message: 'the account has no hotline whose number could call back',
          field: 'service.id',
        });
  }
}
