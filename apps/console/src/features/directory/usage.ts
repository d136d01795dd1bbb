import type { TFunction } from 'i18next';

/** One thing that still names a person or a team (`details.usedBy` of an IN_USE refusal). */
export interface UsedBy {
  readonly kind: string;
  readonly id: string;
}

/** The server lists at most this many users of each kind (MAX_USAGES_PER_KIND): a full count means "at least". */
const LISTED_AT_MOST = 20;

/**
 * "Hugo Durand is still on: team Maintenance, hotline Demo hotline (supervisor), 12 slots": the
 * refusal in words, teams and hotlines by name, slots and overrides counted.
 */
export function describeUsage(
  t: TFunction<'directory'>,
  {
    name,
    usedBy,
    names,
  }: {
    name: string;
    usedBy: readonly UsedBy[];
    names: { teams: ReadonlyMap<string, string>; hotlines: ReadonlyMap<string, string> };
  },
): string {
  const parts: string[] = [];
  for (const u of usedBy.filter((u) => u.kind === 'team'))
    parts.push(t('usage.team', { name: names.teams.get(u.id) ?? u.id }));
  for (const u of usedBy.filter((u) => u.kind === 'hotline'))
    parts.push(t('usage.hotline', { name: names.hotlines.get(u.id) ?? u.id }));
  for (const kind of ['slot', 'override'] as const) {
    const count = usedBy.filter((u) => u.kind === kind).length;
    if (count === 0) continue;
    parts.push(count >= LISTED_AT_MOST ? t(`usage.${kind}AtLeast`, { count }) : t(`usage.${kind}`, { count }));
  }
  return t('usage.stillOn', { name, list: parts.join(', ') });
}

/** `details.usedBy` of an IN_USE refusal, or null when the refusal is something else. */
export function usedByOf(
  error: { graphQLErrors: readonly { extensions?: Record<string, unknown> }[] } | undefined,
): UsedBy[] | null {
  const refusal = error?.graphQLErrors.find((e) => e.extensions?.code === 'IN_USE');
  const details = refusal?.extensions?.details as { usedBy?: UsedBy[] } | undefined;
  return refusal ? (details?.usedBy ?? []) : null;
}
