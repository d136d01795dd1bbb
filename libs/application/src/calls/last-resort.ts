import { Prompt } from '@dutyline/domain';
import { apologyPrompt } from './caller-prompts';
import { e164OrNull } from './phone-text';

/** How long an emergency number rings unless set otherwise. */
export const DEFAULT_EMERGENCY_RING_TIMEOUT_SECONDS = 30;

export interface LastResortSettings {
  /** E.164 emergency number by hotline number (E.164); `*` for any hotline. */
  readonly emergencyNumbers: Readonly<Record<string, string>>;
  /** How long the emergency number rings. */
  readonly ringTimeoutSeconds: number;
}

/** Where a call goes when nothing else can answer it: the emergency number rung for the set time, then an apology. */
export interface LastResort {
  /** E.164, or null when none is set for the hotline nor for `*`: then only the apology. */
  readonly emergencyNumber: string | null;
  readonly ringTimeoutSeconds: number;
  readonly apology: Extract<Prompt, { kind: 'text' }>;
}

/** The last resort of the hotline numbered `hotlineNumber` (E.164; null when unknown), apologising in `language`. */
export function lastResortFor(
  hotlineNumber: string | null,
  settings: LastResortSettings,
  language: string,
): LastResort {
  const numbers = settings.emergencyNumbers;
  const configured = (hotlineNumber !== null ? numbers[hotlineNumber] : undefined) ?? numbers['*'];
  return {
    emergencyNumber: e164OrNull(configured),
    ringTimeoutSeconds: settings.ringTimeoutSeconds,
    apology: apologyPrompt(language),
  };
}
