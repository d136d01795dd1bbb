import type {
  BoardDirectoryQuery,
  BoardScheduleQuery,
  BoardOverridesQuery,
  BoardCoverageQuery,
  AssigneeKind,
} from '../../../gql/graphql';

export type BoardSlot = BoardScheduleQuery['schedule']['slots'][number];
export type BoardAssignee = BoardSlot['assignees'][number];
export type BoardOverride = BoardOverridesQuery['overrides'][number];
export type BoardGap = BoardCoverageQuery['coverage']['gaps'][number];
export type BoardPattern = BoardDirectoryQuery['presetPatterns'][number];

/** A person or a team the palette offers and a slot can name. */
export interface Candidate {
  readonly kind: AssigneeKind;
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  /** A team's members, in ringing order. */
  readonly members: readonly string[];
}

export function candidatesOf(directory: BoardDirectoryQuery | undefined): Candidate[] {
  if (!directory) return [];
  const people: Candidate[] = directory.people.edges.map(({ node }) => ({
    kind: 'PERSON',
    id: node.id,
    name: node.name,
    colour: node.colour,
    members: [],
  }));
  const teams: Candidate[] = directory.teams.edges.map(({ node }) => ({
    kind: 'TEAM',
    id: node.id,
    name: node.name,
    colour: node.colour,
    members: node.members.map((m) => m.name),
  }));
  return [...people, ...teams];
}

export interface AssigneeView {
  readonly kind: AssigneeKind;
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly members: readonly string[];
}

/** What the board shows of one escalation level (a person, or a team with its members). */
export function assigneeView(a: {
  kind: AssigneeKind;
  id: string;
  person?: { name: string; colour: string } | null;
  team?: { name: string; colour: string; members?: readonly { name: string }[] } | null;
}): AssigneeView {
  if (a.kind === 'TEAM' && a.team)
    return {
      kind: a.kind,
      id: a.id,
      name: a.team.name,
      colour: a.team.colour,
      members: a.team.members?.map((m) => m.name) ?? [],
    };
  return {
    kind: a.kind,
    id: a.id,
    name: a.person?.name ?? a.team?.name ?? '?',
    colour: a.person?.colour ?? a.team?.colour ?? '#868e96',
    members: [],
  };
}

/** The `assignees` input of a slot, from its current levels. */
export function assigneeInputs(slot: BoardSlot): { kind: AssigneeKind; id: string }[] {
  return [...slot.assignees].sort((a, b) => a.level - b.level).map((a) => ({ kind: a.kind, id: a.id }));
}

/** Puts `who` at `level` (0 = first): replaces that level, or adds a level after the last; drops a duplicate elsewhere. */
export function withAssigneeAt(
  current: { kind: AssigneeKind; id: string }[],
  who: { kind: AssigneeKind; id: string },
  level: number,
): { kind: AssigneeKind; id: string }[] {
  const next = current.filter((a) => !(a.kind === who.kind && a.id === who.id));
  if (level < next.length) next[level] = who;
  else next.push(who);
  return next;
}

/** Moves the level at `from` to `to` (a change of row on the board). */
export function reordered<T>(levels: readonly T[], from: number, to: number): T[] {
  const next = [...levels];
  const [moved] = next.splice(from, 1);
  next.splice(Math.min(Math.max(0, to), next.length), 0, moved);
  return next;
}

export interface ScheduleDiff {
  readonly added: number;
  readonly removed: number;
  readonly moved: number;
  readonly reassigned: number;
}

/** What changed between two loads of the board's slots. */
export function diffSlots(before: readonly BoardSlot[], after: readonly BoardSlot[]): ScheduleDiff {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  let moved = 0;
  let reassigned = 0;
  for (const [id, slot] of now) {
    const was = old.get(id);
    if (!was) continue;
    if (was.start !== slot.start || was.end !== slot.end) moved++;
    const who = (s: BoardSlot) =>
      assigneeInputs(s)
        .map((a) => `${a.kind}:${a.id}`)
        .join(',');
    if (who(was) !== who(slot)) reassigned++;
  }
  return {
    added: [...now.keys()].filter((id) => !old.has(id)).length,
    removed: [...old.keys()].filter((id) => !now.has(id)).length,
    moved,
    reassigned,
  };
}
