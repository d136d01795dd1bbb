import { Prompt } from '../directory/prompt';
import { CallPlan } from './call-plan';

/**
 * The announcement played to the person who picks up, before the caller is put through (F15):
 * only a human pressing 1 takes the call, so a voicemail answering the leg never counts as an answer.
 * The caller's number is read digit by digit; a caller id without any digit (`null`, `''`,
 * `anonymous`, …) is a withheld number. The text is English, tagged with the hotline's language.
 */
export function confirmationPrompt(plan: CallPlan, callerNumber: string | null): Extract<Prompt, { kind: 'text' }> {
  const digits = (callerNumber ?? '').replace(/\D/g, '');
  const from = digits === '' ? 'a withheld number' : digits.split('').join(' ');
  return {
    kind: 'text',
    text: `Call for ${plan.hotline.name} from ${from}. Press 1 to take it.`,
    language: plan.hotline.language,
  };
}
