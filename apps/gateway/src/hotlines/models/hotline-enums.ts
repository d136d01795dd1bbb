import { registerEnumType } from '@nestjs/graphql';

/** ISO weekdays, as the domain spells them. */
export enum WeekdayEnum {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}
registerEnumType(WeekdayEnum, { name: 'Weekday' });

export enum CallerIdModeEnum {
  HOTLINE = 'hotline',
  CALLER = 'caller',
}
registerEnumType(CallerIdModeEnum, {
  name: 'CallerIdMode',
  description: "Which number the person on duty sees when the hotline rings them: the hotline's or the caller's.",
});

export enum RingingStrategyEnum {
  IN_ORDER = 'in-order',
  BALANCED = 'balanced',
  ALL_AT_ONCE = 'all-at-once',
}
registerEnumType(RingingStrategyEnum, {
  name: 'RingingStrategy',
  description:
    "How an on-call level's people are rung: IN_ORDER one after the other; BALANCED in order, the first person rotating from call to call; ALL_AT_ONCE every enabled number together, the first to take the call wins.",
});

export enum NoAnswerStepKindEnum {
  SUPERVISORS = 'supervisors',
  VOICEMAIL = 'voicemail',
  MESSAGE = 'message',
}
registerEnumType(NoAnswerStepKindEnum, {
  name: 'NoAnswerStepKind',
  description:
    'SUPERVISORS rings the supervisors in order; VOICEMAIL records a message (e-mailed); MESSAGE plays one and hangs up.',
});

export enum PromptKindEnum {
  TEXT = 'text',
  AUDIO = 'audio',
}
registerEnumType(PromptKindEnum, { name: 'PromptKind' });
