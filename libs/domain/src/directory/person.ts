import {
  Colour,
  EmailAddress,
  Id,
  PhoneNumber,
  RingTimeout,
  assertId,
  invalid,
  requireText,
  validatingUnder,
} from '../shared';

/** One of a person's numbers; numbers are rung in list order. */
export interface ContactNumber {
  readonly number: PhoneNumber;
  /** e.g. "mobile", "home", "call centre" */
  readonly label: string;
  readonly ringTimeout: RingTimeout;
  /** A disabled number stays on file but is never dialled. */
  readonly enabled: boolean;
}

export interface Person {
  readonly id: Id;
  readonly accountId: Id;
  readonly name: string;
  readonly colour: Colour;
  readonly email: EmailAddress | null;
  readonly contactNumbers: readonly ContactNumber[];
  /** How many Dutyline calls the person takes at once; while on that many, the cascade skips them. */
  readonly maxSimultaneousCalls: number;
}

export interface ContactNumberInput {
  number: string;
  label?: string;
  ringTimeoutSeconds?: number;
  enabled?: boolean;
}

export const MAX_CONTACT_NUMBERS = 10;

export function contactNumber(input: ContactNumberInput, field = 'contactNumber'): ContactNumber {
  return {
    number: PhoneNumber.parse(input.number, { field: `${field}.number` }),
    label: input.label === undefined ? 'phone' : requireText(input.label, `${field}.label`, 40),
    ringTimeout:
      input.ringTimeoutSeconds === undefined
        ? RingTimeout.DEFAULT
        : RingTimeout.ofSeconds(input.ringTimeoutSeconds, `${field}.ringTimeoutSeconds`),
    enabled: input.enabled ?? true,
  };
}

export function contactNumbers(inputs: readonly ContactNumberInput[], field = 'contactNumbers'): ContactNumber[] {
  if (!Array.isArray(inputs)) invalid('INVALID_CONTACT_NUMBERS', field, 'contact numbers must be a list');
  if (inputs.length > MAX_CONTACT_NUMBERS)
    invalid('TOO_MANY', field, `at most ${MAX_CONTACT_NUMBERS} numbers per person`);
  const numbers = inputs.map((input, i) => contactNumber(input, `${field}[${i}]`));
  numbers.forEach((n, i) => {
    if (numbers.findIndex((m) => m.number.equals(n.number)) !== i) {
      invalid('DUPLICATE_NUMBER', `${field}[${i}].number`, `${n.number.e164} is already listed`);
    }
  });
  return numbers;
}

export interface PersonInput {
  id: Id;
  accountId: Id;
  name: string;
  /** When omitted the caller picks a distinct one (see `nextDistinctColour`). */
  colour: Colour | string;
  email?: string | null;
  contactNumbers?: readonly ContactNumberInput[];
  /** @defaultValue DEFAULT_MAX_SIMULTANEOUS_CALLS (1) */
  maxSimultaneousCalls?: number;
}

export const DEFAULT_MAX_SIMULTANEOUS_CALLS = 1;
export const MAX_SIMULTANEOUS_CALLS = 20;

/** A person's cap on simultaneous calls: a whole number from 1 to {@link MAX_SIMULTANEOUS_CALLS}. */
export function maxSimultaneousCalls(value: number | undefined, field = 'maxSimultaneousCalls'): number {
  if (value === undefined) return DEFAULT_MAX_SIMULTANEOUS_CALLS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_SIMULTANEOUS_CALLS)
    invalid('INVALID_MAX_SIMULTANEOUS_CALLS', field, `a whole number from 1 to ${MAX_SIMULTANEOUS_CALLS}`);
  return value;
}

export function person(input: PersonInput): Person {
  return {
    id: assertId(input.id, 'id'),
    accountId: assertId(input.accountId, 'accountId'),
    name: requireText(input.name, 'name', 120),
    colour: typeof input.colour === 'string' ? Colour.parse(input.colour, 'colour') : input.colour,
    email: input.email == null || input.email === '' ? null : EmailAddress.parse(input.email, 'email'),
    contactNumbers: validatingUnder('contactNumbers', () => contactNumbers(input.contactNumbers ?? [], '')).slice(),
    maxSimultaneousCalls: maxSimultaneousCalls(input.maxSimultaneousCalls),
  };
}

/** A person can be reached when at least one of their numbers is enabled. */
export const isReachable = (p: Person): boolean => p.contactNumbers.some((n) => n.enabled);

/** Moves the number at `from` to position `to`, keeping the others in order. */
export function reorderContactNumbers(p: Person, order: readonly string[]): Person {
  const numbers = order.map((e164, i) => {
    const found = p.contactNumbers.find((n) => n.number.e164 === e164);
    if (!found) invalid('UNKNOWN_NUMBER', `order[${i}]`, `${e164} is not one of ${p.name}'s numbers`);
    return found;
  });
  if (numbers.length !== p.contactNumbers.length || new Set(order).size !== order.length) {
    invalid('INVALID_ORDER', 'order', `list each of ${p.name}'s ${p.contactNumbers.length} numbers exactly once`);
  }
  return { ...p, contactNumbers: numbers };
}

export function setContactNumberEnabled(p: Person, e164: string, enabled: boolean): Person {
  if (!p.contactNumbers.some((n) => n.number.e164 === e164)) {
    invalid('UNKNOWN_NUMBER', 'number', `${e164} is not one of ${p.name}'s numbers`);
  }
  return { ...p, contactNumbers: p.contactNumbers.map((n) => (n.number.e164 === e164 ? { ...n, enabled } : n)) };
}
