import {
  CallbackNumberRefusal,
  CallbackOutcome,
  CallbackRefusal,
  CallbackServiceRef,
  CallbackSource,
  CallbackStatus,
  Hotline,
  Id,
  Page,
  PageRequest,
  PhoneNumber,
  Result,
  addCallbackComment,
  assertId,
  callbackNumberRules,
  checkCallbackNumber,
  claimCallback,
  err,
  invalid,
  ok,
  recordCallbackAttempt,
  releaseCallbackClaim,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';
import { CallbackAgent, CallbackAgentIdentity, callbackAgentOf, inScope } from './callback-agent';
import { CallbackDialler } from './callback-dialler';
import { CallbackRecords } from './callback-records';
import { CallBackRefusal, CallbackWorkRefusal, NoHotlineRefusal } from './callback-refusals';
import { CallbackIntakeResult, CallbackRequestIntake } from './callback-request-intake';
import { CallbackRequestView, callbackRequestView } from './callback-request-view';
import { CallbackPorts } from './ports';
import { StoredCallbackRequest } from './stored-callback-request';

export interface CallbackListFilter {
  readonly status?: CallbackStatus;
  readonly service?: CallbackServiceRef;
  /** Only what agents may work now (open, past the minimum delay). */
  readonly visibleOnly?: boolean;
}

export interface CallbackRequestServiceDeps extends Pick<
  CallbackPorts,
  'store' | 'intake' | 'hotlines' | 'teams' | 'people' | 'audit' | 'clock' | 'ids' | 'onDutyPersonIds'
> {
  /** Whoever places outbound calls (also used by `callBack`). */
  readonly dialler: CallbackDialler;
  readonly records: CallbackRecords;
  /** Takes new asks in: opens requests or notes them on open ones. */
  readonly requestIntake: CallbackRequestIntake;
}

/**
 * Callback requests (F19–F21): taking them in (over the API, or from a call: caller id or keyed number),
 * the same caller asking again while one is open being noted on it, the list, and the manual mode's work:
 * claim (no two agents at once: compare-and-set), release, record an outcome, comment, click-to-call.
 * Every operation is scoped to the caller's account and, for agents, to the services they belong to:
 * another account's requests, and those of services the agent is not a member of, behave as absent.
 */
export class CallbackRequestService {
  private readonly audit: AuditRecorder;

  constructor(private readonly deps: CallbackRequestServiceDeps) {
    this.audit = new AuditRecorder(deps);
  }

  // ---- who works requests ------------------------------------------------------------------------------

  /**
   * The agent a user or API key is. Admins and supervisors (account roles) work every service of the
   * account; a member works the services their directory person (same e-mail address) belongs to: the
   * teams they are a member of, the hotlines they supervise or are on duty for now.
   */
  agent(caller: Caller, who: CallbackAgentIdentity): Promise<CallbackAgent> {
    return callbackAgentOf(this.deps, caller, who);
  }

  // ---- intake --------------------------------------------------------------------------------------------

  /**
   * An agent takes a request by other means (F19). The number is read like a keyed one (national in the
   * hotline's country, or international) and checked against the service's rules; a refusal names
   * `number`, an unknown service `service.id`.
   */
  async create(
    agent: CallbackAgent,
    input: { readonly service: CallbackServiceRef; readonly number: string; readonly comment?: string | null },
  ): Promise<Result<CallbackIntakeResult, NotFoundRefusal | CallbackNumberRefusal | NoHotlineRefusal>> {
    const service = checkedService(input?.service);
    if (!inScope(agent.scope, service)) return err(notFound(service.kind, service.id, 'service.id'));
    const found = await this.deps.requestIntake.serviceOf(agent.accountId, service);
    if (!found.ok) return found;
    const { via } = found.value;
    const intake = await this.deps.intake.intakeSettings(agent.accountId, service);
    const number = checkCallbackNumber(
      input.number,
      callbackNumberRules(via.number, intake?.allowedCountries ?? null),
      'number',
    );
    if (!number.ok) return number;
    const comment =
      input.comment === undefined || input.comment === null || input.comment.trim() === '' ? null : input.comment;
    const result = await this.deps.requestIntake.take({
      accountId: agent.accountId,
      service,
      via,
      number: number.value,
      source: 'agent',
      note: { by: agent.agentId, comment },
    });
    await this.audit.record(agent, {
      action: result.outcome === 'opened' ? 'callback-request.created' : 'callback-request.repeated',
      entityType: 'callback-request',
      entityId: result.request.id,
      before: null,
      after: { number: result.request.number, service },
    });
    return ok(result);
  }

  /** A caller left a number during a call to `hotlineId` (F19); the number was checked by the capture. */
  async receiveFromCall(input: {
    readonly accountId: Id;
    readonly hotlineId: Id;
    readonly number: PhoneNumber;
    readonly source: Extract<CallbackSource, 'caller-id' | 'keyed'>;
    readonly callId: Id;
  }): Promise<CallbackIntakeResult | undefined> {
    const service: CallbackServiceRef = { kind: 'hotline', id: input.hotlineId };
    const found = await this.deps.requestIntake.serviceOf(input.accountId, service);
    if (!found.ok) return undefined;
    return this.deps.requestIntake.take({
      accountId: input.accountId,
      service,
      via: found.value.via,
      number: input.number,
      source: input.source,
      note: { by: null, comment: `left during call ${input.callId}` },
    });
  }

  // ---- reading -------------------------------------------------------------------------------------------

  async request(agent: CallbackAgent, id: Id): Promise<Result<CallbackRequestView, NotFoundRefusal>> {
    const record = await this.deps.store.load(agent.accountId, assertId(id, 'id'));
    if (!record || !inScope(agent.scope, record.service)) return err(notFound('callback request', id, 'id'));
    return ok(this.view(record, this.deps.clock.now()));
  }

  /** Newest first; statuses and visibility are read now. A malformed service names `service.id` / `service.kind`. */
  async list(
    agent: CallbackAgent,
    filter: CallbackListFilter = {},
    page?: PageRequest,
  ): Promise<Page<CallbackRequestView>> {
    const at = this.deps.clock.now();
    const service =
      filter.service === undefined || filter.service === null ? undefined : checkedService(filter.service);
    const services = agent.scope.all ? undefined : agent.scope.services;
    const listed = await this.deps.store.list(
      agent.accountId,
      { status: filter.status, service, services, visible: filter.visibleOnly ?? false, at },
      page,
    );
    return { items: listed.items.map((record) => this.view(record, at)), nextCursor: listed.nextCursor };
  }

  // ---- manual work ---------------------------------------------------------------------------------------

  /** Takes the request for the policy's claim minutes (renewed when the same agent claims again). */
  claim(agent: CallbackAgent, id: Id): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, { id, action: 'callback-request.claimed' }, (record, now) =>
      domain(claimCallback(record.request, agent.agentId, now), record),
    );
  }

  /** Gives the request back; refused while another agent holds it. */
  release(agent: CallbackAgent, id: Id): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, { id, action: 'callback-request.released' }, (record, now) =>
      domain(releaseCallbackClaim(record.request, agent.agentId, now), record),
    );
  }

  /** How the agent's call went (`answered` closes it as done; an unanswered one is counted). */
  recordOutcome(
    agent: CallbackAgent,
    id: Id,
    input: { readonly outcome: CallbackOutcome | string; readonly comment?: string | null },
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, { id, action: 'callback-request.attempt-recorded' }, (record, now) =>
      domain(
        recordCallbackAttempt(record.request, {
          at: now,
          outcome: input?.outcome,
          by: agent.agentId,
          comment: input?.comment ?? null,
        }),
        record,
      ),
    );
  }

  /** A remark, open or closed. */
  comment(
    agent: CallbackAgent,
    id: Id,
    text: string,
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, { id, action: 'callback-request.commented' }, (record, now) =>
      ok({ ...record, request: addCallbackComment(record.request, { at: now, by: agent.agentId, text }) }),
    );
  }

  /**
   * Click-to-call (manual mode): claims the request for the agent, rings the agent's phone (`phone`, else
   * the first enabled number of the agent's directory person), and once they press 1 the caller, bridged;
   * the caller's leg decides the attempt's outcome. Refused like a claim, and with `NO_AGENT_PHONE`
   * (`phone`), `CALL_IN_PROGRESS` or `CARRIER_UNAVAILABLE` (`id`).
   */
  async callBack(
    agent: CallbackAgent,
    id: Id,
    input: { readonly phone?: string | null } = {},
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal | CallBackRefusal>> {
    const loaded = await this.deps.store.load(agent.accountId, assertId(id, 'id'));
    if (!loaded || !inScope(agent.scope, loaded.service)) return err(notFound('callback request', id, 'id'));
    const via = await this.deps.hotlines.byId(agent.accountId, loaded.viaHotlineId);
    if (!via) return err(notFound('hotline', loaded.viaHotlineId, 'id'));
    const phone = await this.agentPhone(agent, via, input.phone ?? null);
    if (!phone.ok) return phone;
    const started = await this.deps.dialler.startClickToCall(agent, loaded, phone.value);
    if (!started.ok) return started;
    await this.audit.record(agent, {
      action: 'callback-request.called-back',
      entityType: 'callback-request',
      entityId: id,
      before: null,
      after: { phone: phone.value.e164 },
    });
    return ok(this.view(started.value, this.deps.clock.now()));
  }

  // ---- plumbing ------------------------------------------------------------------------------------------

  view(record: StoredCallbackRequest, at: number): CallbackRequestView {
    return callbackRequestView(record, at);
  }

  /** Applies `change` to the request `id` (absent when out of the agent's scope) and audits it as `action`. */
  private async work(
    agent: CallbackAgent,
    step: { readonly id: Id; readonly action: string },
    change: (record: StoredCallbackRequest, now: number) => Result<StoredCallbackRequest, CallbackWorkRefusal>,
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    const { id, action } = step;
    const result = await this.deps.records.update(
      { accountId: agent.accountId, id: assertId(id, 'id'), visible: (r) => inScope(agent.scope, r.service) },
      change,
    );
    if (!result.ok) return result;
    await this.audit.record(agent, {
      action,
      entityType: 'callback-request',
      entityId: id,
      before: null,
      after: lastChange(result.value),
    });
    return ok(this.view(result.value, this.deps.clock.now()));
  }

  private async agentPhone(
    agent: CallbackAgent,
    via: Hotline,
    phone: string | null,
  ): Promise<Result<PhoneNumber, CallBackRefusal>> {
    if (phone !== null && phone.trim() !== '') {
      return ok(PhoneNumber.parse(phone, { defaultCountry: via.number.country, field: 'phone' }));
    }
    const person = agent.personId ? await this.deps.people.person(agent.accountId, agent.personId) : undefined;
    const number = person?.contactNumbers.find((n) => n.enabled)?.number;
    return number
      ? ok(number)
      : err({
          code: 'NO_AGENT_PHONE',
          message: 'give the phone to ring first: the agent has no number in the directory',
          field: 'phone',
        });
  }
}

/** The domain's answer as a result over the stored record; refusals name `id`. */
function domain(
  result: Result<StoredCallbackRequest['request'], CallbackRefusal>,
  record: StoredCallbackRequest,
): Result<StoredCallbackRequest, CallbackWorkRefusal> {
  return result.ok ? ok({ ...record, request: result.value }) : err({ ...result.error, field: 'id' });
}

function checkedService(service: CallbackServiceRef | undefined): CallbackServiceRef {
  if (service?.kind !== 'hotline' && service?.kind !== 'team')
    invalid('INVALID_SERVICE', 'service.kind', 'a service is a "hotline" or a "team"');
  return { kind: service.kind, id: assertId(service.id, 'service.id') };
}

/** What the audit log keeps of a work step: the request's last attempt, comment and claim. */
function lastChange(record: StoredCallbackRequest): unknown {
  const { attempts, comments, claim } = record.request;
  return {
    lastAttempt: attempts[attempts.length - 1] ?? null,
    lastComment: comments[comments.length - 1] ?? null,
    claim,
  };
}
