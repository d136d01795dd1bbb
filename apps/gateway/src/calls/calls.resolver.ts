import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CallFilter, CallLogService } from '@dutyline/application';
import { type Instant, invalid } from '@dutyline/domain';
import { settled, withoutNulls } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { InstantScalar } from '../graphql/scalars/instant.scalar';
import { CallSimulations } from './call-simulations.service';
import { CALL_LOG } from './calls.tokens';
import { AddCallCommentInput, CallFilterInput } from './dto/call.inputs';
import { CallStatisticsModel } from './models/call-statistics.model';
import { CallConnection, CallModel } from './models/call.model';
import { SimulatedCallModel } from './models/simulated-call.model';

/** The call log (F17) and dry runs of the routing (F24). Queries: every role; mutations: admins and supervisors. */
@Resolver(() => CallModel)
export class CallsResolver {
  constructor(
    @Inject(CALL_LOG) private readonly log: CallLogService,
    private readonly simulations: CallSimulations,
    private readonly paginator: Paginator,
  ) {}

  @Query(() => CallConnection, { description: 'Calls of the account, newest first.' })
  async calls(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CallFilterInput, nullable: true }) filter?: CallFilterInput | null,
  ): Promise<Connection<CallModel>> {
    const criteria = withoutNulls(filter ?? {}) as CallFilter;
    const connection = await this.paginator.paginate(page, (request) =>
      this.log.calls(callerOf(actor), criteria, request),
    );
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: CallModel.of(e.node) })) };
  }

  @Query(() => CallModel, { nullable: true, description: 'Null when the account has no such call.' })
  async call(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CallModel | null> {
    const found = await this.log.call(callerOf(actor), id);
    return found ? CallModel.of(found) : null;
  }

  @Query(() => CallStatisticsModel, {
    description:
      'Calls, answered rate, time to answer, duration and who answered, over the calls that started in [from, to).',
  })
  async callStatistics(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID, nullable: true }) hotlineId?: string | null,
    @Args('from', { type: () => InstantScalar, nullable: true }) from?: Instant | null,
    @Args('to', { type: () => InstantScalar, nullable: true }) to?: Instant | null,
  ): Promise<CallStatisticsModel> {
    if (from != null && to != null && to <= from) invalid('INVALID_RANGE', 'to', 'to must come after from');
    return CallStatisticsModel.of(
      await this.log.statistics(callerOf(actor), withoutNulls({ hotlineId, from, to }) as CallFilter),
    );
  }

  @Mutation(() => CallModel, { description: 'Adds a comment to a call. NOT_FOUND when the account has no such call.' })
  addCallComment(@CurrentActor() actor: Actor, @Args('input') input: AddCallCommentInput): Promise<CallModel> {
    return settled('input', () => this.log.addComment(callerOf(actor), input.callId, input.text)).then(CallModel.of);
  }

  @Mutation(() => SimulatedCallModel, {
    description:
      'A dry run: a call from `from` reaches the hotline (by `hotlineId`, or its number in `to`) at `at` (now by default); ' +
      'each time a decision is needed the next outcome is played: busy, no-answer, failed, rejected, machine, answer, decline, no-confirm, ' +
      'hangup (a ringing leg); record, hangup (the voicemail). Nobody is rung and nothing is logged.',
  })
  async simulateCall(
    @CurrentActor() actor: Actor,
    @Args('outcomes', { type: () => [String] }) outcomes: string[],
    @Args('hotlineId', { type: () => ID, nullable: true }) hotlineId?: string | null,
    @Args('to', { type: () => String, nullable: true, description: "The hotline's number, instead of its id." })
    to?: string | null,
    @Args('from', { type: () => String, nullable: true, description: "The caller's number; omitted: withheld." })
    from?: string | null,
    @Args('at', { type: () => InstantScalar, nullable: true }) at?: Instant | null,
    @Args('keys', {
      type: () => [String],
      nullable: true,
      description: "What the caller keys at each menu or keyed number (F25), in order; '': nothing.",
    })
    keys?: string[] | null,
  ): Promise<SimulatedCallModel> {
    return SimulatedCallModel.of(
      await this.simulations.simulate(callerOf(actor), { hotlineId, to, from: from ?? null, outcomes, at, keys }),
    );
  }
}
