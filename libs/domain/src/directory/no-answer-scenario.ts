import { invalid, validatingUnder } from '../shared';
import { Prompt, PromptInput, prompt } from './prompt';

/**
 * What happens, in order, once every assignee on duty has been tried without an answer.
 * - `supervisors`: ring the hotline's supervisors in order;
 * - `voicemail`: record a message (after `greeting` when given) that is then e-mailed;
 * - `message`: play `message`, then hang up.
 * A scenario has exactly one final step (voicemail or message), last, so a caller never meets silence.
 */
export type NoAnswerStep =
  | { readonly kind: 'supervisors' }
  | { readonly kind: 'voicemail'; readonly greeting: Prompt | null }
  | { readonly kind: 'message'; readonly message: Prompt };

export type NoAnswerScenario = readonly NoAnswerStep[];

export interface NoAnswerStepInput {
  kind: string;
  greeting?: PromptInput | null;
  message?: PromptInput | null;
}

export function noAnswerScenario(
  steps: readonly NoAnswerStepInput[],
  field = 'scenario',
  language = 'en-GB',
): NoAnswerScenario {
  if (!Array.isArray(steps) || steps.length === 0) {
    invalid('INVALID_SCENARIO', field, 'a scenario needs at least a final voicemail or message step');
  }
  const scenario = steps.map((step, i): NoAnswerStep => {
    const at = `${field}[${i}]`;
    switch (step?.kind) {
      case 'supervisors':
        return { kind: 'supervisors' };
      case 'voicemail':
        return {
          kind: 'voicemail',
          greeting: step.greeting
            ? validatingUnder(`${at}.greeting`, () => prompt(step.greeting!, '', language))
            : null,
        };
      case 'message':
        if (!step.message) invalid('REQUIRED', `${at}.message`, 'a message step needs the message to play');
        return {
          kind: 'message',
          message: validatingUnder(`${at}.message`, () => prompt(step.message!, '', language)),
        };
      default:
        return invalid(
          'INVALID_SCENARIO',
          `${at}.kind`,
          `"${step?.kind}" is not one of supervisors, voicemail, message`,
        );
    }
  });
  const finals = scenario.filter((s) => s.kind !== 'supervisors').length;
  const last = scenario[scenario.length - 1];
  if (finals !== 1 || last.kind === 'supervisors') {
    invalid('INVALID_SCENARIO', field, 'a scenario ends with exactly one voicemail or message step, and has no other');
  }
  if (scenario.filter((s) => s.kind === 'supervisors').length > 1) {
    invalid('INVALID_SCENARIO', field, 'supervisors can be rung once per scenario');
  }
  return scenario;
}

/** @defaultValue supervisors, then voicemail without greeting. */
export const DEFAULT_SCENARIO: NoAnswerScenario = [{ kind: 'supervisors' }, { kind: 'voicemail', greeting: null }];
