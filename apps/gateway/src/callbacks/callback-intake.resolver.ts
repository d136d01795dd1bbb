import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CallbackIntakeChanges, Callbacks } from '@dutyline/application';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { CallbackServiceInput } from '../callback-settings/dto/callback-settings.inputs';
import { CALLBACKS } from './callbacks.tokens';
import { UpdateCallbackIntakeInput } from './dto/callback-request.inputs';
import { CallbackIntakeModel } from './models/callback-intake.model';

/** How services take callback requests in (F19): the hotline's offer point, the countries called back. */
@Resolver(() => CallbackIntakeModel)
export class CallbackIntakeResolver {
  constructor(@Inject(CALLBACKS) private readonly callbacks: Callbacks) {}

  @Query(() => CallbackIntakeModel)
  callbackIntake(
    @CurrentActor() actor: Actor,
    @Args('service') service: CallbackServiceInput,
  ): Promise<CallbackIntakeModel> {
    return settled(null, () => this.callbacks.intake.settings(callerOf(actor), { ...service })).then(
      CallbackIntakeModel.of,
    );
  }

  @Mutation(() => CallbackIntakeModel)
  updateCallbackIntake(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateCallbackIntakeInput,
  ): Promise<CallbackIntakeModel> {
    const changes: CallbackIntakeChanges = {
      ...(input.offerAt === undefined ? {} : { offer: input.offerAt === null ? null : { at: input.offerAt } }),
      ...(input.allowedCountries === undefined ? {} : { allowedCountries: input.allowedCountries }),
    };
    return settled('input', () => this.callbacks.intake.update(callerOf(actor), { ...input.service }, changes)).then(
      CallbackIntakeModel.of,
    );
  }
}
