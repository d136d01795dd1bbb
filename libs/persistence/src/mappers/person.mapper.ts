import { Person, person } from '@dutyline/domain';
import { PersonNumberRow, PersonRow } from '../entities';
import { sortKey } from '../support/sort-key';
import { byPosition } from './positions';

export function personToRows(p: Person): { row: PersonRow; numbers: PersonNumberRow[] } {
  return {
    row: {
      accountId: p.accountId,
      id: p.id,
      name: p.name,
      sortName: sortKey(p.name),
      colour: p.colour.hex,
      email: p.email?.value ?? null,
      maxSimultaneousCalls: p.maxSimultaneousCalls,
    },
    numbers: p.contactNumbers.map((n, position) => ({
      accountId: p.accountId,
      personId: p.id,
      position,
      number: n.number.e164,
      label: n.label,
      ringTimeoutSeconds: n.ringTimeout.seconds,
      enabled: n.enabled,
    })),
  };
}

/** Rebuilt through `person()`, so a row the domain would refuse fails loudly here. */
export function personFromRows(row: PersonRow, numbers: readonly PersonNumberRow[]): Person {
  return person({
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    colour: row.colour,
    email: row.email,
    maxSimultaneousCalls: row.maxSimultaneousCalls,
    contactNumbers: byPosition(numbers).map((n) => ({
      number: n.number,
      label: n.label,
      ringTimeoutSeconds: n.ringTimeoutSeconds,
      enabled: Boolean(n.enabled),
    })),
  });
}
