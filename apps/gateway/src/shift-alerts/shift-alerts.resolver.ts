import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { settled, withoutNulls } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { InstantScalar } from '../graphql/scalars/instant.scalar';
import { UpdateShiftAlertSettingsInput } from './dto/shift-alert.inputs';
import type { GatewayShiftAlerts } from './gateway-shift-alerts';
import { ShiftAlertModel, ShiftAlertSettingsModel } from './models/shift-alert.model';
import { GATEWAY_SHIFT_ALERTS } from './shift-alerts.tokens';

/** Shift-start alerts (F27): settings (editors change, every role reads) and the alerts sent. */
@Resolver(() => ShiftAlertSettingsModel)
export class ShiftAlertsResolver {
  constructor(@Inject(GATEWAY_SHIFT_ALERTS) private readonly alerts: GatewayShiftAlerts) {}

  @Query(() => ShiftAlertSettingsModel, {
    description: "A hotline's shift-start alert settings (off when none were saved).",
  })
  shiftAlertSettings(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
  ): Promise<ShiftAlertSettingsModel> {
    return settled(null, () => this.alerts.services.settings.settings(callerOf(actor), hotlineId)).then(
      ShiftAlertSettingsModel.of,
    );
  }

  @Mutation(() => ShiftAlertSettingsModel, {
    description: 'Changes the fields given; the hotline’s alerts are planned again at once.',
  })
  updateShiftAlertSettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateShiftAlertSettingsInput,
  ): Promise<ShiftAlertSettingsModel> {
    const { hotlineId, ...change } = withoutNulls(input, ['acknowledge']);
    return settled('input', () =>
      this.alerts.services.settings.updateSettings(callerOf(actor), hotlineId, {
        ...change,
        ...(change.acknowledge !== undefined
          ? { acknowledge: change.acknowledge && { withinMinutes: change.acknowledge.withinMinutes } }
          : {}),
      }),
    ).then(ShiftAlertSettingsModel.of);
  }

  @Query(() => [ShiftAlertModel], {
    description: 'The alerts of a hotline whose duty starts in [from, to), at most 93 days, by start.',
  })
  shiftAlerts(
    @CurrentActor() actor: Actor,
    @Args('hotlineId', { type: () => ID }) hotlineId: string,
    @Args('from', { type: () => InstantScalar }) from: Instant,
    @Args('to', { type: () => InstantScalar }) to: Instant,
  ): Promise<ShiftAlertModel[]> {
    return settled(null, () =>
      this.alerts.services.settings.shiftAlerts(callerOf(actor), hotlineId, { from, to }),
    ).then((records) => records.map(ShiftAlertModel.of));
  }
}
