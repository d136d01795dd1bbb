import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallbackIntakeView } from '@dutyline/application';
import type { Instant } from '@dutyline/domain';
import { CallbackServiceKindEnum, CallbackServiceModel } from '../../callback-settings/models/callback-settings.model';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

export enum CallbackOfferPointEnum {
  GREETING = 'greeting',
  BEFORE_VOICEMAIL = 'before-voicemail',
}
registerEnumType(CallbackOfferPointEnum, {
  name: 'CallbackOfferPoint',
  description:
    'GREETING: right after the greeting, before anyone is rung; BEFORE_VOICEMAIL: once nobody answered, before the final voicemail or message.',
});

@ObjectType('CallbackIntake', {
  description:
    'How a service takes callback requests in (F19): the hotline\'s "press 2" offer and the countries it calls back.',
})
export class CallbackIntakeModel {
  @Field(() => CallbackServiceModel)
  service!: CallbackServiceModel;
  @Field(() => CallbackOfferPointEnum, {
    nullable: true,
    description: 'Where the call flow offers a callback; null: nowhere.',
  })
  offerAt!: CallbackOfferPointEnum | null;
  @Field(() => [String], {
    nullable: true,
    description: "ISO 3166-1 codes of the countries called back; null: the hotline's own country only.",
  })
  allowedCountries!: string[] | null;
  @Field(() => InstantScalar, { nullable: true })
  updatedAt!: Instant | null;

  static of(view: CallbackIntakeView): CallbackIntakeModel {
    return {
      service: { kind: view.service.kind as CallbackServiceKindEnum, id: view.service.id },
      offerAt: (view.offer?.at as CallbackOfferPointEnum | undefined) ?? null,
      allowedCountries: view.allowedCountries ? [...view.allowedCountries] : null,
      updatedAt: view.updatedAt,
    };
  }
}
