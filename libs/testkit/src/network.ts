/*
 * The neutral words the kit and a harness share. The harness translates each `NetworkEvent` into the
 * adapter's own input (a Vonage webhook, a SIP message, a simulator call) and each thing the adapter
 * told the network back into `NetworkReply` values.
 */

/** Something that happens on the network during a call, for the leg the adapter rang last. */
export type NetworkEvent =
  /** A person picks up the leg. When the ring asked for confirmation, the harness also fetches the callee's announcement. */
  | { readonly kind: 'picked-up' }
  /** Machine detection says a person answered the leg. */
  | { readonly kind: 'human' }
  /** An answering machine was detected on the leg. */
  | { readonly kind: 'machine' }
  | { readonly kind: 'leg-ended'; readonly outcome: 'busy' | 'no-answer' | 'failed' | 'rejected' }
  /** The callee keys digits after the announcement. */
  | { readonly kind: 'keys'; readonly digits: string }
  /** The announcement timed out without a key. */
  | { readonly kind: 'no-key' }
  /** The caller's voicemail is recorded. */
  | { readonly kind: 'recorded' }
  | { readonly kind: 'caller-hung-up' }
  /** The caller keys `digits` at a menu or keyed number (F25); `''`: nothing within the time-out. */
  | { readonly kind: 'caller-keys'; readonly digits: string }
  /** The network delivers the previous event once more, unchanged (a webhook retried). */
  | { readonly kind: 'again' };

/** One thing the adapter told the network, decoded. */
export type NetworkReply =
  /** Ring `to` (E.164) with this caller id and timeout; `confirm`: the callee must press 1 first. */
  | {
      readonly kind: 'ring';
      readonly to: string;
      readonly callerId: string;
      readonly ringTimeoutSeconds: number;
      readonly confirm: boolean;
    }
  /** Play `text` to the callee who picked up, and wait for a key. */
  | { readonly kind: 'announce'; readonly text: string }
  /** Join the caller and the callee. */
  | { readonly kind: 'connect' }
  /** Record the caller (after a greeting or a beep). */
  | { readonly kind: 'record' }
  /** Speak `text` to the caller, then hang up. */
  | { readonly kind: 'say'; readonly text: string }
  /** Hang up a callee leg. */
  | { readonly kind: 'hang-up-leg' }
  /** Play `text` to the caller and collect up to `maxDigits` keys (a menu or keyed number, F25). */
  | { readonly kind: 'menu'; readonly text: string; readonly maxDigits: number }
  /** Acknowledge; nothing to do (Vonage: `[]` or 204). */
  | { readonly kind: 'nothing' };

/** A call placed through the adapter. */
export interface HarnessCall {
  /** What the adapter told the network when the call arrived. */
  readonly first: readonly NetworkReply[];
  /** Delivers an event in the adapter's own format; resolves with what the adapter told the network. */
  deliver(event: NetworkEvent): Promise<readonly NetworkReply[]>;
}

/** An adapter under test, wired to the rig's inbound call service. */
export interface CarrierHarness {
  /** A call from `from` (null: withheld) reaches the number `to`, in the adapter's own inbound format. */
  placeCall(call: { readonly to: string; readonly from: string | null }): Promise<HarnessCall>;
  /** Closes servers and connections the harness opened. */
  close?(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * What is wrong with a reply, or null. A reply is a list of valid instructions; when the caller is
 * waiting for what comes next it must not be empty nor only `nothing`.
 */
export function replyProblem(reply: readonly NetworkReply[], callerWaits: boolean): string | null {
  if (!Array.isArray(reply)) return 'the reply is not a list';
  for (const [i, item] of reply.entries()) {
    const problem = itemProblem(item);
    if (problem) return `reply[${i}]: ${problem}`;
  }
  if (callerWaits && reply.every((item) => item.kind === 'nothing')) return 'the caller is left with nothing to hear';
  return null;
}

function itemProblem(item: NetworkReply): string | null {
  switch (item?.kind) {
    case 'ring':
      if (!E164.test(item.to)) return `ring: "${item.to}" is not an E.164 number`;
      if (!E164.test(item.callerId)) return `ring: caller id "${item.callerId}" is not an E.164 number`;
      if (!Number.isInteger(item.ringTimeoutSeconds) || item.ringTimeoutSeconds < 1 || item.ringTimeoutSeconds > 600) {
        return `ring: ring timeout ${item.ringTimeoutSeconds} is not 1 to 600 seconds`;
      }
      return typeof item.confirm === 'boolean' ? null : 'ring: confirm is not a boolean';
    case 'announce':
    case 'say':
      return typeof item.text === 'string' && item.text.trim() !== '' ? null : `${item.kind}: no text`;
    case 'menu':
      if (typeof item.text !== 'string' || item.text.trim() === '') return 'menu: no text';
      return Number.isInteger(item.maxDigits) && item.maxDigits >= 1
        ? null
        : `menu: ${item.maxDigits} is no number of keys`;
    case 'connect':
    case 'record':
    case 'hang-up-leg':
    case 'nothing':
      return null;
    default:
      return `unknown instruction ${JSON.stringify(item)}`;
  }
}
