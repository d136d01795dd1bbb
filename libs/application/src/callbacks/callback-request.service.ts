import {
  CallbackListEntry,
  CallbackMode,
  CallbackNumberRefusal,
  CallbackOutcome,
  CallbackPolicy,
  CallbackRefusal,
  CallbackServiceRef,
  CallbackSource,
  CallbackStatus,
  DEFAULT_CALLBACK_POLICY,
  Hotline,
  Id,
  Page,
  PageRequest,
  PhoneNumber,
  Result,
  Role,
  addCallbackComment,
  assertId,
  callbackListEntry,
  callbackNumberRules,
  checkCallbackNumber,
  claimCallback,
  err,
  invalid,
  liveClaimAt,
  ok,
  receiveCallbackRequest,
  recordCallbackAttempt,
  releaseCallbackClaim,
} from '@dutyline/domain';
import { AuditRecorder, CallLogger, Caller, NotFoundRefusal, allItems, notFound, silentCallLogger } from '../shared';
import { CallbackAgent, inScope } from './callback-agent';
import { CallbackDialler } from './callback-dialler';
import { CallbackRecords } from './callback-records';
import { CallbackPorts } from './ports';
import { CallBackRefusal, CallbackWorkRefusal, NoHotlineRefusal } from './callback-refusals';
import { StoredCallbackRequest } from './stored-callback-request';

/** A callback request as the list and the detail show it (F21), read at an instant. */
export interface CallbackRequestView extends CallbackListEntry {
  readonly service: CallbackServiceRef;
  readonly mode: CallbackMode;
  /** The rules it was opened under (later settings changes do not apply to it). */
  readonly policy: CallbackPolicy;
  /** An outbound call (automatic or click-to-call) is working on it now. */
  readonly callInProgress: boolean;
}

/** A new ask: a new request, or noted on the caller's open one. */
export interface CallbackIntakeResult {
  readonly outcome: 'opened' | 'merged';
  readonly request: CallbackRequestView;
}

export interface CallbackListFilter {
  readonly status?: CallbackStatus;
  readonly service?: CallbackServiceRef;
  /** Only what agents may work now (open, past the minimum delay). */
  readonly visibleOnly?: boolean;
}

export interface CallbackRequestServiceDeps extends Pick<
  CallbackPorts,
  | 'store'
  | 'intake'
  | 'settings'
  | 'hotlines'
  | 'teams'
  | 'people'
  | 'audit'
  | 'clock'
  | 'ids'
  | 'logger'
  | 'onDutyPersonIds'
> {
  /** Whoever places outbound calls (also used by `callBack`). */
  readonly dialler: CallbackDialler;
  readonly records: CallbackRecords;
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
  private readonly logger: CallLogger;

  constructor(private readonly deps: CallbackRequestServiceDeps) {
    this.audit = new AuditRecorder(deps);
    this.logger = deps.logger ?? silentCallLogger;
  }

  // ---- who works requests ------------------------------------------------------------------------------

  /**
   * The agent a user or API key is. Admins and supervisors (account roles) work every service of the
   * account; a member works the services their directory person (same e-mail address) belongs to: the
   * teams they are a member of, the hotlines they supervise or are on duty for now.
   */
  async agent(
    caller: Caller,
    who: { readonly agentId: Id; readonly role: Role; readonly email: string | null },
  ): Promise<CallbackAgent> {
    const email = who.email?.trim().toLowerCase() ?? '';
    const people = email === '' ? [] : await allItems((page) => this.deps.people.listPeople(caller.accountId, page));
    const person = people.find((p) => p.email?.value.toLowerCase() === email);
    const personId = person?.id ?? null;
    if (who.role !== 'member') return { ...caller, agentId: who.agentId, personId, scope: { all: true } };
    if (!personId) return { ...caller, agentId: who.agentId, personId, scope: { all: false, services: [] } };
    const teams = await allItems((page) => this.deps.teams.listTeams(caller.accountId, page));
    const hotlines = await allItems((page) => this.deps.hotlines.list(caller.accountId, page));
    const services: CallbackServiceRef[] = teams
      .filter((t) => t.memberIds.includes(personId))
      .map((t) => ({ kind: 'team', id: t.id }));
    for (const hotline of hotlines) {
      const onDuty =
        hotline.supervisorIds.includes(personId) ||
        (await this.deps.onDutyPersonIds?.(caller.accountId, hotline))?.includes(personId);
      if (onDuty) services.push({ kind: 'hotline', id: hotline.id });
    }
    return { ...caller, agentId: who.agentId, personId, scope: { all: false, services } };
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
    const found = await this.serviceOf(agent.accountId, service);
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
    const result = await this.intake(agent.accountId, service, via, number.value, 'agent', {
      by: agent.agentId,
      comment,
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
    const found = await this.serviceOf(input.accountId, service);
    if (!found.ok) return undefined;
    return this.intake(input.accountId, service, found.value.via, input.number, input.source, {
      by: null,
      comment: `left during call ${input.callId}`,
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
    return this.work(agent, id, 'callback-request.claimed', (record, now) =>
      domain(claimCallback(record.request, agent.agentId, now), record),
    );
  }

  /** Gives the request back; refused while another agent holds it. */
  release(agent: CallbackAgent, id: Id): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, id, 'callback-request.released', (record, now) =>
      domain(releaseCallbackClaim(record.request, agent.agentId, now), record),
    );
  }

  /** How the agent's call went (`answered` closes it as done; an unanswered one is counted). */
  recordOutcome(
    agent: CallbackAgent,
    id: Id,
    input: { readonly outcome: CallbackOutcome | string; readonly comment?: string | null },
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    return this.work(agent, id, 'callback-request.attempt-recorded', (record, now) =>
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
    return this.work(agent, id, 'callback-request.commented', (record, now) =>
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
    return {
      ...callbackListEntry(record.request, at),
      service: record.service,
      mode: record.request.policy.mode,
      policy: record.request.policy,
      callInProgress: record.call !== null && liveClaimAt(record.request, at) !== null,
    };
  }

  private async intake(
    accountId: Id,
    service: CallbackServiceRef,
    via: Hotline,
    number: PhoneNumber,
    source: CallbackSource,
    note: { readonly by: Id | null; readonly comment: string | null },
  ): Promise<CallbackIntakeResult> {
    const saved = await this.deps.settings.callbackSettings(accountId, service);
    const policy = saved?.policy ?? DEFAULT_CALLBACK_POLICY;
    // One intake of this caller for this service at a time, so two left at once do not open twins.
    return this.deps.store.oneIntakeAtATime(accountId, service, number.e164, async () => {
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
          return { outcome: 'opened', request: this.view(created, now) };
        }
        const target = unclosed.find((r) => r.request.id === request.id)!;
        try {
          const merged = await this.deps.store.save({ ...target, request });
          return { outcome: 'merged', request: this.view(merged, now) };
        } catch (error) {
          if (attempt >= 3) throw error;
          this.logger.info('a repeated callback request met a concurrent change: again', { requestId: request.id });
        }
      }
    });
  }

  private async work(
    agent: CallbackAgent,
    id: Id,
    action: string,
    change: (record: StoredCallbackRequest, now: number) => Result<StoredCallbackRequest, CallbackWorkRefusal>,
  ): Promise<Result<CallbackRequestView, NotFoundRefusal | CallbackWorkRefusal>> {
    const result = await this.deps.records.update(agent.accountId, assertId(id, 'id'), change, {
      visible: (r) => inScope(agent.scope, r.service),
    });
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

  /** The service's hotline (a team calls back from the account's first hotline), or a refusal naming `service.id`. */
  private async serviceOf(
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
