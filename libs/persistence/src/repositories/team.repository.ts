import { Id, InUse, NotFound, Page, PageRequest, Result, Team, TeamRepository } from '@dutyline/domain';
import { DataSource } from 'typeorm';
import { SqlStore } from '../database/sql-store';
import { TeamMemberRow, TeamRow } from '../entities';
import { teamFromRows, teamToRows } from '../mappers/team.mapper';
import { NamedAggregate, loadByIds, pageByName, saveAggregate } from '../support/named-aggregates';
import { assertPeopleExist } from '../support/references';
import { deleteUnlessUsed } from './usages';

const TEAMS: NamedAggregate<TeamRow, TeamMemberRow, Team> = {
  table: TeamRow,
  childTable: TeamMemberRow,
  parentKey: 'teamId',
  build: teamFromRows,
};

export class SqlTeamRepository implements TeamRepository {
  private readonly store: SqlStore;

  constructor(dataSource: DataSource) {
    this.store = new SqlStore(dataSource);
  }

  async team(accountId: Id, id: Id): Promise<Team | undefined> {
    return (await this.teamsByIds(accountId, [id]))[0];
  }

  teamsByIds(accountId: Id, ids: readonly Id[]): Promise<Team[]> {
    return this.store.read((manager) => loadByIds(manager, TEAMS, { accountId, ids }));
  }

  listTeams(accountId: Id, page?: PageRequest): Promise<Page<Team>> {
    return this.store.read((manager) => pageByName(manager, TEAMS, { accountId, request: page }));
  }

  async saveTeam(team: Team): Promise<void> {
    const { row, members } = teamToRows(team);
    await this.store.write(async (manager) => {
      await assertPeopleExist(
        manager,
        team.accountId,
        team.memberIds.map((id, i) => ({ ref: id, field: `memberIds[${i}]` })),
      );
      await saveAggregate(manager, TEAMS, { row, children: members });
    });
  }

  deleteTeam(accountId: Id, id: Id): Promise<Result<void, NotFound | InUse>> {
    return deleteUnlessUsed(this.store, { kind: 'team', accountId, id });
  }
}
