import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import { APPLICATION } from '../application/application.module';
import { settled, withoutNulls } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { CallbackServiceInput, UpdateCallbackSettingsInput } from './dto/callback-settings.inputs';
import { CallbackSettingsModel } from './models/callback-settings.model';

/** Per-service callback settings (F20). */
@Resolver(() => CallbackSettingsModel)
export class CallbackSettingsResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @Query(() => CallbackSettingsModel, {
    description: 'The settings of a hotline or a team (the defaults when none were saved).',
  })
  callbackSettings(
    @CurrentActor() actor: Actor,
    @Args('service') service: CallbackServiceInput,
  ): Promise<CallbackSettingsModel> {
    return settled(null, () => this.app.callbackSettings.settings(callerOf(actor), { ...service })).then(
      CallbackSettingsModel.of,
    );
  }

  @Mutation(() => CallbackSettingsModel, {
    description: 'Changes the fields given; requests already open keep the settings they were opened under.',
  })
  updateCallbackSettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateCallbackSettingsInput,
  ): Promise<CallbackSettingsModel> {
    const { service, ...changes } = withoutNulls(input);
    return settled('input', () =>
      this.app.callbackSettings.updateSettings(callerOf(actor), { ...service }, changes),
    ).then(CallbackSettingsModel.of);
  }

  @Mutation(() => CallbackSettingsModel, { description: 'Back to the defaults.' })
  resetCallbackSettings(
    @CurrentActor() actor: Actor,
    @Args('service') service: CallbackServiceInput,
  ): Promise<CallbackSettingsModel> {
    return settled(null, () => this.app.callbackSettings.resetSettings(callerOf(actor), { ...service })).then(
      CallbackSettingsModel.of,
    );
  }
}
