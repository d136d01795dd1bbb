import { invalid } from '../shared';

/**
 * Where a hotline's call flow offers "press 2 to be called back" (F19):
 * - `greeting`: when the call is answered, right after the greeting (before anyone is rung);
 * - `before-voicemail`: once nobody answered, before the scenario's final step (voicemail, or the
 *   closing message when the scenario ends with one).
 */
export type CallbackOfferPoint = 'greeting' | 'before-voicemail';

export const CALLBACK_OFFER_POINTS: readonly CallbackOfferPoint[] = ['greeting', 'before-voicemail'];

/** A hotline's callback offer; `null` where a hotline makes none. Plain JSON data. */
export interface CallbackOffer {
  readonly at: CallbackOfferPoint;
}

export interface CallbackOfferInput {
  at?: string | null;
}

/** Validates an offer; `null`/`undefined` means no offer. Errors name `<field>.at`. */
export function callbackOffer(
  input: CallbackOfferInput | null | undefined,
  field = 'offerCallback',
): CallbackOffer | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'object' || Array.isArray(input))
    invalid('INVALID_CALLBACK_OFFER', field, 'a callback offer is an object such as { at: "greeting" }');
  const at = input.at;
  if (!CALLBACK_OFFER_POINTS.includes(at as CallbackOfferPoint)) {
    invalid(
      'INVALID_CALLBACK_OFFER',
      `${field}.at`,
      `a callback is offered at ${CALLBACK_OFFER_POINTS.map((p) => `"${p}"`).join(' or ')}, not "${String(at)}"`,
    );
  }
  return { at: at as CallbackOfferPoint };
}
