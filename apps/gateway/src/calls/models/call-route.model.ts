import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallRoute } from '@dutyline/domain';

export enum CallRouteViaEnum {
  DIRECT = 'direct',
  RULE = 'rule',
  MENU = 'menu',
  KEYED = 'keyed',
  DEFAULT = 'default',
}
registerEnumType(CallRouteViaEnum, {
  name: 'CallRouteVia',
  description:
    "DIRECT: no rule, no menu; RULE: a rule by number dialled or period; MENU: a menu key; KEYED: a keyed value's prefix or range; DEFAULT: the menu's or keyed number's default after no or wrong keys.",
});

@ObjectType('CallRoute', { description: 'How a call reached the hotline whose plan it followed (F25).' })
export class CallRouteModel {
  @Field({ description: 'E.164 of the number the caller dialled.' })
  dialled!: string;
  @Field(() => ID, { description: 'The hotline whose entry chose the way (the one owning the number dialled).' })
  entryHotlineId!: string;
  @Field(() => CallRouteViaEnum)
  via!: CallRouteViaEnum;
  @Field(() => String, { nullable: true, description: 'The menu key that chose the line (or the wrong one).' })
  key!: string | null;
  @Field(() => String, { nullable: true, description: 'The value the caller keyed, also when it matched nothing.' })
  keyed!: string | null;
  @Field(() => Int, { nullable: true, description: 'The rule that matched (0 = first).' })
  ruleIndex!: number | null;

  static of(route: CallRoute | undefined): CallRouteModel | null {
    if (!route) return null;
    return {
      dialled: route.dialled,
      entryHotlineId: route.entryHotlineId,
      via: route.via as CallRouteViaEnum,
      key: route.key ?? null,
      keyed: route.keyed ?? null,
      ruleIndex: route.ruleIndex ?? null,
    };
  }
}
