import { Hotline, PersonRepository, TeamRepository } from '@dutyline/domain';
import { systemCaller } from '../shared';
import { CallbackRouting } from './ports';
import { CallbackAgentTarget, StoredCallbackRequest } from './stored-callback-request';

export interface CallbackTargetsDeps {
  readonly routing: CallbackRouting;
  readonly teams: TeamRepository;
  readonly people: PersonRepository;
}

/** Directory reads for a callback call: whom it rings, and the service name the announcement gives. */
export class CallbackTargets {
  constructor(private readonly deps: CallbackTargetsDeps) {}

  /** Who to ring first for an automatic attempt: the hotline's plan now, or the team's members, each enabled number in order. */
  async targetsFor(record: StoredCallbackRequest, at: number): Promise<CallbackAgentTarget[]> {
    if (record.service.kind === 'hotline') {
      const plan = await this.deps.routing.callPlan(systemCaller(record.accountId), record.service.id, at);
      if (!plan.ok) return [];
      return plan.value.steps.flatMap((step) =>
        step.kind === 'dial'
          ? [
              {
                personId: step.personId,
                personName: step.personName,
                number: step.number,
                ringTimeoutSeconds: step.ringTimeoutSeconds,
              },
            ]
          : [],
      );
    }
    const team = await this.deps.teams.team(record.accountId, record.service.id);
    if (!team) return [];
    const people = await this.deps.people.peopleByIds(record.accountId, team.memberIds);
    const seen = new Set<string>();
    return people.flatMap((person) =>
      person.contactNumbers
        .filter((n) => n.enabled && !seen.has(n.number.e164))
        .map((n) => {
          seen.add(n.number.e164);
          return {
            personId: person.id,
            personName: person.name,
            number: n.number.e164,
            ringTimeoutSeconds: n.ringTimeout.seconds,
          };
        }),
    );
  }

  /** The service the request is for, as announced: the hotline's name, or the team's (the hotline's when the team is gone). */
  async serviceName(record: StoredCallbackRequest, via: Hotline): Promise<string> {
    return record.service.kind === 'hotline'
      ? via.name
      : ((await this.deps.teams.team(record.accountId, record.service.id))?.name ?? via.name);
  }
}
