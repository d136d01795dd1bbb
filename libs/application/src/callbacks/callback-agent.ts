import { CallbackServiceRef, Id, Role } from '@dutyline/domain';
import { Caller, allItems } from '../shared';
import { CallbackPorts } from './ports';

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

/** Who a user or API key is, as the callback agent it becomes. */
export interface CallbackAgentIdentity {
  readonly agentId: Id;
  readonly role: Role;
  readonly email: string | null;
}

/** The directory reads that find an agent's person and services. */
export type CallbackAgentDirectory = Pick<CallbackPorts, 'people' | 'teams' | 'hotlines' | 'onDutyPersonIds'>;

/**
 * The agent a user or API key is. Admins and supervisors (account roles) work every service of the
 * account; a member works the services their directory person (same e-mail address) belongs to: the
 * teams they are a member of, the hotlines they supervise or are on duty for now.
 */
export async function callbackAgentOf(
  deps: CallbackAgentDirectory,
  caller: Caller,
  who: CallbackAgentIdentity,
): Promise<CallbackAgent> {
  const email = who.email?.trim().toLowerCase() ?? '';
  const people = email === '' ? [] : await allItems((page) => deps.people.listPeople(caller.accountId, page));
  const person = people.find((p) => p.email?.value.toLowerCase() === email);
  const personId = person?.id ?? null;
  if (who.role !== 'member') return { ...caller, agentId: who.agentId, personId, scope: { all: true } };
  if (!personId) return { ...caller, agentId: who.agentId, personId, scope: { all: false, services: [] } };
  const teams = await allItems((page) => deps.teams.listTeams(caller.accountId, page));
  const hotlines = await allItems((page) => deps.hotlines.list(caller.accountId, page));
  const services: CallbackServiceRef[] = teams
    .filter((t) => t.memberIds.includes(personId))
    .map((t) => ({ kind: 'team', id: t.id }));
  for (const hotline of hotlines) {
    const onDuty =
      hotline.supervisorIds.includes(personId) ||
      (await deps.onDutyPersonIds?.(caller.accountId, hotline))?.includes(personId);
    if (onDuty) services.push({ kind: 'hotline', id: hotline.id });
  }
  return { ...caller, agentId: who.agentId, personId, scope: { all: false, services } };
}
