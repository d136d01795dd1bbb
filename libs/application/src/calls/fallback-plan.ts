import { CallPlan, DialStep, Hotline, Instant } from '@dutyline/domain';
import type { LastResort } from './last-resort';

/** Who the emergency step rings, for the log and transcripts. */
export const EMERGENCY_TARGET: Pick<DialStep, 'personId' | 'personName' | 'label' | 'via' | 'level' | 'teamId'> = {
  personId: 'emergency',
  personName: 'Emergency number',
  label: 'emergency',
  via: 'supervisor',
  level: null,
  teamId: null,
};

export interface EmergencyPlanInput {
  /** E.164 of the number called. */
  readonly hotlineNumber: string;
  /** The hotline when the lookup answered; null when it could not. */
  readonly hotline: Hotline | null;
  /** Its emergency number is rung first when set; its apology ends the plan when the hotline has no final step. */
  readonly lastResort: LastResort;
  /** Language of the plan when the hotline is unknown. */
  readonly language: string;
  readonly at: Instant;
}

/**
 * The plan of a call when the schedule cannot be read and no plan of the number is known: the
 * emergency number if there is one, then the hotline's own final step (voicemail or message) when the
 * hotline is known, else an apology. Supervisors are not rung: their numbers live in the directory,
 * which cannot be read either.
 */
export function emergencyPlan(input: EmergencyPlanInput): CallPlan {
  const { hotline, lastResort } = input;
  const language = hotline?.language ?? input.language;
  const final = hotline?.scenario[hotline.scenario.length - 1];
  const dial: DialStep[] =
    lastResort.emergencyNumber === null
      ? []
      : [
          {
            kind: 'dial',
            number: lastResort.emergencyNumber,
            ringTimeoutSeconds: lastResort.ringTimeoutSeconds,
            ...EMERGENCY_TARGET,
          },
        ];
  return {
    hotline: {
      id: hotline?.id ?? 'unknown',
      accountId: hotline?.accountId ?? 'unknown',
      name: hotline?.name ?? 'the hotline',
      number: input.hotlineNumber,
      language,
    },
    at: input.at,
    slotId: null,
    overrideIds: [],
    greeting: hotline?.greeting ?? null,
    requireAnswerConfirmation: false,
    callerIdMode: hotline?.callerIdMode ?? 'hotline',
    steps: [...dial, final && final.kind !== 'supervisors' ? final : { kind: 'message', message: lastResort.apology }],
  };
}
