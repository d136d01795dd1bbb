import { CallbackRefusal } from '@dutyline/domain';

/** A refusal of the domain's callback rules, with the input field it is about (`id`). */
export type CallbackWorkRefusal = CallbackRefusal & { readonly field: string };

/** The account has no hotline whose number could call back. */
export interface NoHotlineRefusal {
  readonly code: 'NO_HOTLINE';
  readonly message: string;
  readonly field: string;
}

/** Click-to-call cannot be placed: no carrier, no phone for the agent, a call already running, or the carrier refused. */
export interface CallBackRefusal {
  readonly code: 'CALL_IN_PROGRESS' | 'NO_AGENT_PHONE' | 'CARRIER_UNAVAILABLE';
  readonly message: string;
  readonly field: string;
}
