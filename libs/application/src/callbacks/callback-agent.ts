import { CallbackServiceRef, Id } from '@dutyline/domain';
import { Caller } from '../shared';

/** Which services' requests an agent may see and work: the whole account, or a list. */
export type CallbackScope =
  { readonly all: true } | { readonly all: false; readonly services: readonly CallbackServiceRef[] };

/** Someone working callback requests: a user (or an API key) of an account. */
export interface CallbackAgent extends Caller {
  /** Who claims and records attempts: the user's or the API key's id. */
  readonly agentId: Id;
  readonly scope: CallbackScope;
  /** The directory person this agent is (same e-mail address), whose phone click-to-call rings first. */
  readonly personId: Id | null;
}

export const inScope = (scope: CallbackScope, service: CallbackServiceRef): boolean =>
  scope.all || scope.services.some((s) => s.kind === service.kind && s.id === service.id);
