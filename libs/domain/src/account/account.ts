import { Instant, Id } from '../shared';

/** A tenant: a company running an on-call service. */
export interface Account {
  readonly id: Id;
  readonly name: string;
  readonly createdAt: Instant;
  /** Set by an operator: its users and API keys are refused, its hotlines out of service. Stores return null when in service. */
  readonly disabledAt?: Instant | null;
}

/** An account as the operator lists it. */
export interface AccountSummary {
  readonly account: Account;
  readonly users: number;
  readonly hotlines: number;
}
