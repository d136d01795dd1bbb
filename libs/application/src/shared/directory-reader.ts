import { AssigneeRef, Directory, Id, PersonRepository, TeamRepository, directoryOf } from '@dutyline/domain';

/** Who to read from an account's directory: the assignees `refs`, and more people by id. */
export interface DirectoryNames {
  readonly refs: readonly AssigneeRef[];
  /** @defaultValue none */
  readonly personIds?: readonly Id[];
}

/**
 * The part of an account's directory that `refs` (and `personIds`) name: the teams, then every
 * person, team members included, in one more batch. At most two reads, whatever the count.
 */
export async function readDirectory(
  repositories: { readonly people: PersonRepository; readonly teams: TeamRepository },
  accountId: Id,
  { refs, personIds = [] }: DirectoryNames,
): Promise<Directory> {
  const teamIds = [...new Set(refs.filter((r) => r.kind === 'team').map((r) => r.id))];
  const teams = teamIds.length > 0 ? await repositories.teams.teamsByIds(accountId, teamIds) : [];
  const everyone = [
    ...new Set([
      ...refs.filter((r) => r.kind === 'person').map((r) => r.id),
      ...teams.flatMap((t) => t.memberIds),
      ...personIds,
    ]),
  ];
  const people = everyone.length > 0 ? await repositories.people.peopleByIds(accountId, everyone) : [];
  return directoryOf(people, teams);
}
