import { Id, PhoneNumber, TimeZone, assertId, invalid, requireText, validatingUnder } from '../shared';
import { NoAnswerScenario, NoAnswerStepInput, DEFAULT_SCENARIO, noAnswerScenario } from './no-answer-scenario';
import { Prompt, PromptInput, prompt } from './prompt';
import { RingingStrategy, levelStrategies } from './ringing-strategy';
import { ALWAYS, ServiceHours, WeeklyWindowInput, serviceHours } from './service-hours';

/** Which number the person on duty sees when the hotline rings them. */
export type CallerIdMode = 'hotline' | 'caller';

/** The single public number of an account, its zone and what to do with calls. */
export interface Hotline {
  readonly id: Id;
  readonly accountId: Id;
  readonly name: string;
  readonly number: PhoneNumber;
  readonly timeZone: TimeZone;
  /** BCP-47 language of spoken prompts, e.g. `fr-FR`. */
  readonly language: string;
  /** Rung in order by the `supervisors` scenario step; also the people told about gaps. */
  readonly supervisorIds: readonly Id[];
  readonly serviceHours: ServiceHours;
  readonly scenario: NoAnswerScenario;
  /** Played to the caller before the first ring, if set. */
  readonly greeting: Prompt | null;
  /** Callee must press 1 to take the call, so a mobile's own voicemail never counts as an answer (F15). */
  readonly requireAnswerConfirmation: boolean;
  readonly callerIdMode: CallerIdMode;
  /** How each on-call level is rung (index = level); levels past the list are rung in order. */
  readonly levelStrategies: readonly RingingStrategy[];
}

export interface HotlineInput {
  id: Id;
  accountId: Id;
  name: string;
  number: string;
  timeZone: string;
  language?: string;
  supervisorIds?: readonly string[];
  serviceHours?: { always: true } | { windows: readonly WeeklyWindowInput[] };
  scenario?: readonly NoAnswerStepInput[];
  greeting?: PromptInput | null;
  requireAnswerConfirmation?: boolean;
  callerIdMode?: string;
  levelStrategies?: readonly string[];
}

export function hotline(input: HotlineInput): Hotline {
  const language = input.language ?? 'en-GB';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language))
    invalid('INVALID_LANGUAGE', 'language', `"${language}" is not a language tag such as fr-FR`);
  const supervisorIds = (input.supervisorIds ?? []).map((id, i) => assertId(id, `supervisorIds[${i}]`));
  supervisorIds.forEach((id, i) => {
    if (supervisorIds.indexOf(id) !== i)
      invalid('DUPLICATE_SUPERVISOR', `supervisorIds[${i}]`, `person ${id} is already a supervisor`);
  });
  const callerIdMode = input.callerIdMode ?? 'hotline';
  if (callerIdMode !== 'hotline' && callerIdMode !== 'caller') {
    invalid('INVALID_CALLER_ID_MODE', 'callerIdMode', 'caller id mode is "hotline" or "caller"');
  }
  return {
    id: assertId(input.id, 'id'),
    accountId: assertId(input.accountId, 'accountId'),
    name: requireText(input.name, 'name', 120),
    number: PhoneNumber.fromE164(input.number, 'number'),
    timeZone: TimeZone.of(input.timeZone, 'timeZone'),
    language,
    supervisorIds,
    serviceHours: input.serviceHours ? serviceHours(input.serviceHours) : ALWAYS,
    scenario: input.scenario ? noAnswerScenario(input.scenario, 'scenario', language) : DEFAULT_SCENARIO,
    greeting: input.greeting ? validatingUnder('greeting', () => prompt(input.greeting!, '', language)) : null,
    requireAnswerConfirmation: input.requireAnswerConfirmation ?? true,
    callerIdMode,
    levelStrategies: levelStrategies(input.levelStrategies, 'levelStrategies'),
  };
}
