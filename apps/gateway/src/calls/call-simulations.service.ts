import { Inject, Injectable } from '@nestjs/common';
import {
  type CallEntryLookup,
  type CallPlanner,
  type Caller,
  type HotlineLookup,
  createCalls,
  callRecordOf,
  silentCallLogger,
} from '@dutyline/application';
import {
  type CallRecord,
  type Clock,
  type Hotline,
  type HotlineRepository,
  type IdGenerator,
  type Instant,
  assertId,
  invalid,
} from '@dutyline/domain';
import { CallSimulator, type SimulationResult, parseOutcomes } from '@dutyline/simulator';
import { CLUSTER_HOTLINES } from '../cluster/cluster.tokens';
import { HOTLINE_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError } from '../graphql/api-errors';
import { CLOCK, ID_GENERATOR } from '../platform/platform.tokens';
import { type CallRoutingSettings, inboundCallOptions } from './call-routing-settings';
import { CALL_PLANNER, CALL_ROUTING_SETTINGS, HOTLINE_LOOKUP } from './calls.tokens';
import { DryRunCallStore } from './dry-run-call-store';

export interface SimulationRequest {
  /** The hotline, by id or by its number (one of the two). */
  readonly hotlineId?: string | null;
  readonly to?: string | null;
  /** The caller's number; null for a withheld number. */
  readonly from: string | null;
  /** `busy`, `no-answer`, `answer`, … (see `@dutyline/simulator`). */
  readonly outcomes: readonly string[];
  /** When the call arrives. @defaultValue now */
  readonly at?: Instant | null;
  /** What the caller keys at each menu or keyed number (F25), in order; `''`: nothing. @defaultValue none */
  readonly keys?: readonly string[] | null;
}

export interface Simulation {
  readonly result: SimulationResult;
  /** The call log entry the call would leave (not stored). */
  readonly record: CallRecord | null;
}

/**
 * Dry runs of a hotline's routing (F24, `simulateCall`, `npm run call`): the simulator drives the
 * very inbound call service the carriers drive, on the live schedule and directory, but over a store
 * of its own, so nothing reaches the call log, the statistics or the notifications.
 */
@Injectable()
export class CallSimulations {
  constructor(
    @Inject(HOTLINE_REPOSITORY) private readonly hotlineRepository: HotlineRepository,
    @Inject(HOTLINE_LOOKUP) private readonly hotlines: HotlineLookup,
    @Inject(CALL_PLANNER) private readonly planner: CallPlanner,
    @Inject(CALL_ROUTING_SETTINGS) private readonly settings: CallRoutingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLUSTER_HOTLINES) private readonly entries: CallEntryLookup,
  ) {}

  async simulate(caller: Caller, request: SimulationRequest): Promise<Simulation> {
    const outcomes = parseOutcomes(request.outcomes, 'outcomes');
    const hotline = await this.hotlineOf(caller, request);
    const store = new DryRunCallStore();
    const service = createCalls(
      {
        store,
        hotlines: this.hotlines,
        entries: this.entries,
        // A dry run leaves the balanced levels' turn where it is.
        planner: { planFor: (line, at) => this.planner.planFor(line, at, { dryRun: true }) },
        clock: this.clock,
        ids: this.ids,
        logger: silentCallLogger,
      },
      // A dry run waits for the database as long as it takes: it is not a caller on the line.
      // The simulator rings an all-at-once level's numbers together (F26).
      inboundCallOptions(this.settings, { budgetMs: 10_000, parallelDialing: true }),
    );
    const result = await new CallSimulator(service, this.clock).run({
      to: hotline.number.e164,
      from: request.from ?? null,
      outcomes,
      at: request.at ?? undefined,
      keys: request.keys ?? undefined,
    });
    const stored = result.callId === null ? undefined : await store.load(result.callId);
    return { result, record: stored ? callRecordOf(stored) : null };
  }

  private async hotlineOf(caller: Caller, request: SimulationRequest): Promise<Hotline> {
    const byId = request.hotlineId != null;
    if (byId === (request.to != null))
      invalid('REQUIRED', 'hotlineId', 'name the hotline by hotlineId or by its number in to, not both');
    const hotline = byId
      ? await this.hotlineRepository.byId(caller.accountId, assertId(request.hotlineId, 'hotlineId'))
      : await this.hotlineRepository.byNumber(request.to!.trim());
    if (!hotline || hotline.accountId !== caller.accountId)
      throw new NotFoundError('hotline', byId ? 'hotlineId' : 'to');
    return hotline;
  }
}
