import { type CallInstruction, type CallLogger, errorContext } from '@dutyline/application';
import {
  type LegToHangUp,
  type Ncco,
  type VonageRenderOptions,
  type VonageReply,
  renderForCallee,
  renderForCaller,
} from '@dutyline/vonage';

/** Hangs up a leg through Vonage's REST API (`PUT /v1/calls/{uuid}`); null when the API is not configured. */
export interface VonageLegHangups {
  hangup(uuid: string): Promise<void>;
}

/** An all-at-once group's legs (vonage-group-legs.ts): placed through the REST API, their uuids remembered. */
export interface VonageGroupPlacement {
  place(group: Extract<CallInstruction, { kind: 'dial-group' }>): void;
  /** The uuid Vonage gave the leg of `step` when this instance placed it; null otherwise. */
  uuidOf(callId: string, step: number): string | null;
}

/**
 * The Vonage call adapter's replies: the application's instructions rendered as NCCOs, and the callee
 * legs they no longer want hung up through the REST API after the reply.
 */
export class VonageReplies {
  constructor(
    private readonly hangups: VonageLegHangups | null,
    private readonly logger: CallLogger,
    private readonly render: VonageRenderOptions,
    private readonly groups: VonageGroupPlacement | null = null,
  ) {}

  /** The caller's side; the legs it drops are hung up, but the leg of `legAlreadyGone` (Vonage hung it up). */
  forCaller(instruction: CallInstruction, legAlreadyGone: number | null = null): VonageReply {
    const reply = renderForCaller(instruction, this.render);
    this.hangUp(
      instruction,
      reply.hangUp.filter((leg) => leg.step !== legAlreadyGone),
    );
    // After the caller's NCCO is decided: the group's legs ring while the caller waits in its conversation.
    if (instruction.kind === 'dial-group') this.groups?.place(instruction);
    return reply;
  }

  /** The caller's NCCO for an instruction whose legs were hung up when it was first given. */
  callerNcco(instruction: CallInstruction): Ncco | null {
    return renderForCaller(instruction, this.render).ncco;
  }

  /** The callee's side (`self`: the leg asking); the legs it drops are hung up. */
  forCallee(instruction: CallInstruction, self: LegToHangUp): Ncco {
    const reply = renderForCallee(instruction, self, this.render);
    this.hangUp(instruction, reply.hangUp);
    return reply.ncco ?? [];
  }

  /** After the reply: hangs up legs that did not take the call. Failures are logged; the leg then ends by itself. */
  private hangUp(instruction: CallInstruction, legs: readonly LegToHangUp[]): void {
    const callId = 'callId' in instruction ? instruction.callId : null;
    for (const { step, carrierLegId } of legs) {
      // A group's leg still ringing: Vonage reported no uuid yet, but this instance may have placed it.
      const uuid = carrierLegId ?? (callId === null ? null : (this.groups?.uuidOf(callId, step) ?? null));
      if (uuid === null) continue;
      const leg = { step, carrierLegId: uuid };
      if (!this.hangups) {
        this.logger.warn('a leg should be hung up but the Vonage API is not configured', {
          step: leg.step,
          uuid: leg.carrierLegId,
        });
        continue;
      }
      void this.hangups.hangup(leg.carrierLegId).catch((error: unknown) =>
        this.logger.warn('could not hang up a leg through the Vonage API', {
          step: leg.step,
          uuid: leg.carrierLegId,
          ...errorContext(error),
        }),
      );
    }
  }
}
