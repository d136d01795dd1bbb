import { Team, team } from '@dutyline/domain';
import { TeamMemberRow, TeamRow } from '../entities';
import { sortKey } from '../support/sort-key';
import { byPosition } from './positions';

export function teamToRows(t: Team): { row: TeamRow; members: TeamMemberRow[] } {
  return {
    row: { accountId: t.accountId, id: t.id, name: t.name, sortName: sortKey(t.name), colour: t.colour.hex },
    members: t.memberIds.map((personId, position) => ({ accountId: t.accountId, teamId: t.id, position, personId })),
  };
}

export function teamFromRows(row: TeamRow, members: readonly TeamMemberRow[]): Team {
  return team({
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    colour: row.colour,
    memberIds: byPosition(members).map((m) => m.personId),
  });
}
