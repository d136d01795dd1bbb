import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Callbacks } from '@dutyline/application';
import { assertId } from '@dutyline/domain';
import { mapNodes, settled } from '../application/use-case-results';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Connection } from '../graphql/pagination';
import { PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { inArgument } from '../graphql/refusals';
import { CallbackAgents } from './callback-agents';
import { CALLBACKS } from './callbacks.tokens';
import {
  CallbackRequestFilterInput,
  CommentCallbackRequestInput,
  CreateCallbackRequestInput,
  RecordCallbackOutcomeInput,
} from './dto/callback-request.inputs';
import {
  CallbackRequestConnection,
  CallbackRequestModel,
  CreatedCallbackRequestModel,
} from './models/callback-request.model';

const AGENTS = ['admin', 'supervisor', 'member'] as const;

/**
 * Callback requests (F19–F21). Admins and supervisors see and work every request of the account;
 * members those of the services they belong to (teams they are in, hotlines they supervise or are on
 * duty for): the others behave as absent.
 */
@Resolver(() => CallbackRequestModel)
export class CallbacksResolver {
  constructor(
    @Inject(CALLBACKS) private readonly callbacks: Callbacks,
    private readonly agents: CallbackAgents,
    private readonly paginator: Paginator,
  ) {}

  @Query(() => CallbackRequestConnection, { description: 'Newest first; statuses and visibility as they are now.' })
  async callbackRequests(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CallbackRequestFilterInput, nullable: true })
    filter: CallbackRequestFilterInput | null,
    @Args() page: PageArgs,
  ): Promise<Connection<CallbackRequestModel>> {
    const agent = await this.agents.of(actor);
    const service = filter?.service
      ? inArgument('filter', () => ({ kind: filter.service!.kind, id: assertId(filter.service!.id, 'service.id') }))
      : undefined;
    const query = { status: filter?.status ?? undefined, service, visibleOnly: filter?.visibleOnly ?? undefined };
    return mapNodes(
      await this.paginator.paginate(page, (request) => this.callbacks.requests.list(agent, query, request)),
      CallbackRequestModel.of,
    );
  }

  @Query(() => CallbackRequestModel, {
    nullable: true,
    description: 'Null when the account has no such request (or the agent does not work its service).',
  })
  async callbackRequest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CallbackRequestModel | null> {
    const found = await this.callbacks.requests.request(await this.agents.of(actor), assertId(id, 'id'));
    return found.ok ? CallbackRequestModel.of(found.value) : null;
  }

  @Mutation(() => CreatedCallbackRequestModel, {
    description:
      "An agent takes a request by other means; the same caller's open request is noted instead of a duplicate.",
  })
  @Roles(...AGENTS)
  async createCallbackRequest(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCallbackRequestInput,
  ): Promise<CreatedCallbackRequestModel> {
    const agent = await this.agents.of(actor);
    const created = await settled('input', () =>
      this.callbacks.requests.create(agent, {
        service: { ...input.service },
        number: input.number,
        comment: input.comment,
      }),
    );
    return { merged: created.outcome === 'merged', request: CallbackRequestModel.of(created.request) };
  }

  @Mutation(() => CallbackRequestModel, {
    description:
      "Takes the request for the policy's claim minutes; refused while another agent holds it (CALLBACK_CLAIMED) or before the minimum delay (CALLBACK_NOT_DUE).",
  })
  @Roles(...AGENTS)
  async claimCallbackRequest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CallbackRequestModel> {
    const agent = await this.agents.of(actor);
    return CallbackRequestModel.of(await settled(null, () => this.callbacks.requests.claim(agent, id)));
  }

  @Mutation(() => CallbackRequestModel, { description: 'Gives the request back.' })
  @Roles(...AGENTS)
  async releaseCallbackRequest(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CallbackRequestModel> {
    const agent = await this.agents.of(actor);
    return CallbackRequestModel.of(await settled(null, () => this.callbacks.requests.release(agent, id)));
  }

  @Mutation(() => CallbackRequestModel, {
    description: "How the agent's call went: ANSWERED closes it as done; an unanswered one is counted.",
  })
  @Roles(...AGENTS)
  async recordCallbackOutcome(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordCallbackOutcomeInput,
  ): Promise<CallbackRequestModel> {
    const agent = await this.agents.of(actor);
    return CallbackRequestModel.of(
      await settled('input', () =>
        this.callbacks.requests.recordOutcome(agent, input.id, { outcome: input.outcome, comment: input.comment }),
      ),
    );
  }

  @Mutation(() => CallbackRequestModel)
  @Roles(...AGENTS)
  async commentCallbackRequest(
    @CurrentActor() actor: Actor,
    @Args('input') input: CommentCallbackRequestInput,
  ): Promise<CallbackRequestModel> {
    const agent = await this.agents.of(actor);
    return CallbackRequestModel.of(
      await settled('input', () => this.callbacks.requests.comment(agent, input.id, input.text)),
    );
  }

  @Mutation(() => CallbackRequestModel, {
    description:
      "Click-to-call: claims the request, rings `phone` (default: the agent's own first number in the directory), then the caller, bridged.",
  })
  @Roles(...AGENTS)
  async callBack(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('phone', { type: () => String, nullable: true }) phone: string | null,
  ): Promise<CallbackRequestModel> {
    const agent = await this.agents.of(actor);
    return CallbackRequestModel.of(await settled(null, () => this.callbacks.requests.callBack(agent, id, { phone })));
  }
}
