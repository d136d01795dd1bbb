import { Prompt, confirmationPrompt } from '@dutyline/domain';
import { AnnounceInstruction, CallInstruction } from './call-instruction';
import { CallInstructionRenderer } from './call-instruction-renderer';
import { InboundCallSettings } from './inbound-call-options';
import { CalleePromptInput } from './inbound-calls';
import { LastKnownPlans } from './last-known-plans';
import { LastResort, lastResortFor } from './last-resort';
import { e164OrNull } from './phone-text';

/** The step of an emergency leg dialled for a call the service lost; a further loss ends in an apology. */
export const RESCUE_STEP = 1000;

/** A call the service lost (or whose request failed), at the step it was on. */
export interface LostCall {
  readonly callId: string;
  readonly carrierCallId: string | null;
  readonly step: number;
  readonly hotlineNumber?: string;
}

export type CallFallbackSettings = Pick<
  InboundCallSettings,
  'emergencyNumbers' | 'emergencyRingTimeoutSeconds' | 'defaultLanguage'
>;

/** What callers and callees hear when the service cannot read their call: what is known of the number, else the last resort. */
export class CallFallbacks {
  constructor(
    private readonly deps: { readonly lastKnown: LastKnownPlans; readonly renderer: CallInstructionRenderer },
    private readonly settings: CallFallbackSettings,
  ) {}

  /** The last resort of the hotline numbered `hotlineNumber` (E.164; null when unknown), apologising in `language`. */
  lastResort(hotlineNumber: string | null, language: string): LastResort {
    return lastResortFor(
      hotlineNumber,
      {
        emergencyNumbers: this.settings.emergencyNumbers,
        ringTimeoutSeconds: this.settings.emergencyRingTimeoutSeconds,
      },
      language,
    );
  }

  /**
   * For a caller whose call the service lost (or whose request failed): ring the emergency number
   * once, else apologise. Never rings twice, so a lost call cannot loop.
   */
  rescue(lost: LostCall): CallInstruction {
    const number = e164OrNull(lost.hotlineNumber);
    const language = (number && this.deps.lastKnown.get(number)?.hotline.language) || this.settings.defaultLanguage;
    const lastResort = this.lastResort(number, language);
    const of = { callId: lost.callId, carrierCallId: lost.carrierCallId };
    if (lastResort.emergencyNumber !== null && lost.step < RESCUE_STEP) {
      return this.deps.renderer.emergencyDial(
        { ...of, step: RESCUE_STEP },
        {
          to: lastResort.emergencyNumber,
          callerId: number ?? lastResort.emergencyNumber,
          ringTimeoutSeconds: lastResort.ringTimeoutSeconds,
        },
      );
    }
    return this.deps.renderer.closingMessage(of, lastResort.apology);
  }

  /** For a callee who picked up a leg of a call the service cannot read: announce with what is known. */
  genericAnnouncement(input: CalleePromptInput): AnnounceInstruction {
    const number = e164OrNull(input.hotlineNumber);
    const plan = number === null ? undefined : this.deps.lastKnown.get(number);
    const prompt: Prompt = plan
      ? confirmationPrompt(plan, null)
      : { kind: 'text', text: 'Call for the hotline. Press 1 to take it.', language: this.settings.defaultLanguage };
    return this.deps.renderer.announcement({ callId: input.callId, carrierCallId: null, step: input.step }, prompt);
  }
}
