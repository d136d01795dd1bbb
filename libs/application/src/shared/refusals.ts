import { Id, InUse, NumberTaken } from '@dutyline/domain';

/**
 * Expected refusals of the use cases, as values (`Result`). Each has a stable `code`, a message for
 * people and the `field` of the input it is about, relative to the use case's own input
 * (`hotlineId`, `contactNumbers[1].number`); the gateway nests it under the GraphQL argument.
 */
export interface NotFoundRefusal {
  readonly code: 'NOT_FOUND';
  readonly message: string;
  readonly field: string;
}

/** A person or a team still named elsewhere: remove those uses first. */
export interface InUseRefusal {
  readonly code: 'IN_USE';
  readonly message: string;
  readonly field: string;
  readonly usedBy: InUse['usedBy'];
}

/** Another hotline, of any account, already answers this number. */
export interface NumberTakenRefusal extends NumberTaken {
  readonly message: string;
  readonly field: 'number';
}

/** `person p-1 not found` at `field`; also the answer for another account's ids. */
export const notFound = (what: string, id: Id, field: string): NotFoundRefusal => ({
  code: 'NOT_FOUND',
  message: `${what} ${id} not found`,
  field,
});

/** `person p-1 is still used by …` at `id`. */
export const inUse = (what: string, id: Id, usedBy: InUse['usedBy']): InUseRefusal => ({
  code: 'IN_USE',
  message: `${what} ${id} is still used by ${usedBy.map((u) => `${u.kind} ${u.id}`).join(', ')}`,
  field: 'id',
  usedBy,
});

export const numberTaken = (e164: string): NumberTakenRefusal => ({
  code: 'NUMBER_TAKEN',
  message: `${e164} already answers for another hotline`,
  field: 'number',
});
