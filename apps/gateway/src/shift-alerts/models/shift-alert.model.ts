import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ShiftAlertSettingsView } from '@dutyline/application';
import type { Instant, ShiftAlertRecord } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

export enum ShiftAlertChannelEnum {
  SMS = 'sms',
  EMAIL = 'email',
}
registerEnumType(ShiftAlertChannelEnum, { name: 'ShiftAlertChannel', description: 'How an alert reaches someone.' });

@ObjectType('ShiftAlertAcknowledgement')
export class ShiftAlertAcknowledgementModel {
  @Field(() => Int, { description: 'Minutes after the alert within which the link must be opened, 1 to 240.' })
  withinMinutes!: number;
  @Field({ description: 'How: "link" (the link in the message).' })
  by!: string;
}

@ObjectType('ShiftAlertSettings', {
  description:
    "A hotline's shift-start alerts (F27): N minutes before someone's duty starts they get an SMS and/or e-mail; optionally they must acknowledge, or the supervisors are told.",
})
export class ShiftAlertSettingsModel {
  @Field(() => ID)
  hotlineId!: string;
  @Field()
  enabled!: boolean;
  @Field(() => Int, { description: 'Minutes before the duty starts, 1 to 1440.' })
  minutesBefore!: number;
  @Field(() => [ShiftAlertChannelEnum])
  channels!: ShiftAlertChannelEnum[];
  @Field(() => ShiftAlertAcknowledgementModel, { nullable: true, description: 'Null: no acknowledgement asked.' })
  acknowledge!: ShiftAlertAcknowledgementModel | null;
  @Field({ description: 'Nothing saved: alerts are off.' })
  isDefault!: boolean;

  static of(view: ShiftAlertSettingsView): ShiftAlertSettingsModel {
    const { settings } = view;
    return {
      hotlineId: settings.hotlineId,
      enabled: settings.enabled,
      minutesBefore: settings.minutesBefore,
      channels: settings.channels.map((c) => c as ShiftAlertChannelEnum),
      acknowledge: settings.acknowledge && { ...settings.acknowledge },
      isDefault: view.isDefault,
    };
  }
}

@ObjectType('ShiftAlert', { description: 'A shift-start alert sent (or being sent) to someone going on duty.' })
export class ShiftAlertModel {
  @Field(() => ID, { description: '`shift-alert:<hotline>:<person>:<start>`.' })
  id!: string;
  @Field(() => ID)
  personId!: string;
  @Field(() => Int, { description: 'The on-call level at the start, 0 = first.' })
  level!: number;
  @Field(() => InstantScalar)
  dutyStart!: Instant;
  @Field(() => InstantScalar)
  dutyEnd!: Instant;
  @Field(() => [ShiftAlertChannelEnum], { description: 'The channels done.' })
  sentBy!: ShiftAlertChannelEnum[];
  @Field(() => InstantScalar, { nullable: true, description: 'Null while it is being sent.' })
  sentAt!: Instant | null;
  @Field(() => InstantScalar, { nullable: true, description: 'Until when it may be acknowledged; null: none asked.' })
  acknowledgeBy!: Instant | null;
  @Field(() => InstantScalar, { nullable: true })
  acknowledgedAt!: Instant | null;
  @Field(() => InstantScalar, { nullable: true, description: 'When the supervisors were told it went unacknowledged.' })
  supervisorsToldAt!: Instant | null;

  static of(record: ShiftAlertRecord): ShiftAlertModel {
    return {
      id: record.id,
      personId: record.personId,
      level: record.level,
      dutyStart: record.dutyStart,
      dutyEnd: record.dutyEnd,
      sentBy: Object.values(ShiftAlertChannelEnum).filter((c) => record.steps[c] !== undefined),
      sentAt: record.sentAt,
      acknowledgeBy: record.ackExpiresAt,
      acknowledgedAt: record.acknowledgedAt,
      supervisorsToldAt: record.supervisorsToldAt,
    };
  }
}
