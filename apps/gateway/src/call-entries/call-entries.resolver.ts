import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CallEntryService } from '@dutyline/application';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { CALL_ENTRIES } from './call-entries.tokens';
import { UpdateCallEntryInput, callEntryChanges } from './dto/call-entry.inputs';
import { CallEntryModel } from './models/call-entry.model';

/** How calls enter a hotline (F25): members read, admins and supervisors change it. */
@Resolver(() => CallEntryModel)
export class CallEntriesResolver {
  constructor(@Inject(CALL_ENTRIES) private readonly entries: CallEntryService) {}

  @Query(() => CallEntryModel)
  callEntry(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
  ): Promise<CallEntryModel> {
    return settled(null, () => this.entries.entry(callerOf(actor), hotlineId)).then(CallEntryModel.of);
  }

  @Mutation(() => CallEntryModel)
  updateCallEntry(@CurrentActor() actor: Actor, @Args('input') input: UpdateCallEntryInput): Promise<CallEntryModel> {
    return settled('input', () => this.entries.update(callerOf(actor), input.hotlineId, callEntryChanges(input))).then(
      CallEntryModel.of,
    );
  }
}
