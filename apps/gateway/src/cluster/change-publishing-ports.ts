import type { HotlineRepository, PersonRepository, ScheduleRepository, TeamRepository } from '@dutyline/domain';
import { InvalidationBus, accountTopic, hotlineTopic, numberTopic } from './invalidation-bus';

/** The repositories whose writes change how calls are routed. */
export interface RoutingRepositories {
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly hotlines: HotlineRepository;
  readonly schedules: ScheduleRepository;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type TopicsOf<T> = {
  readonly [K in keyof T]?: T[K] extends (...args: infer A) => any ? (...args: A) => readonly string[] : never;
};

const TOPICS: { readonly [K in keyof RoutingRepositories]: TopicsOf<RoutingRepositories[K]> } = {
  people: {
    savePerson: (person) => [accountTopic(person.accountId)],
    deletePerson: (accountId) => [accountTopic(accountId)],
  },
  teams: { saveTeam: (team) => [accountTopic(team.accountId)], deleteTeam: (accountId) => [accountTopic(accountId)] },
  hotlines: {
    save: (hotline) => [hotlineTopic(hotline.id), numberTopic(hotline.number.e164)],
    delete: (_, id) => [hotlineTopic(id)],
  },
  schedules: {
    applyChange: (_, hotlineId) => [hotlineTopic(hotlineId)],
    saveOverride: (_, override) => [hotlineTopic(override.hotlineId)],
    endOverride: (_, hotlineId) => [hotlineTopic(hotlineId)],
    deleteOverride: (_, hotlineId) => [hotlineTopic(hotlineId)],
  },
};

/**
 * The same repositories, announcing on `bus` what each write changed once it is committed (after
 * the write resolves, whatever its result), so every process drops what it cached of it. A message
 * that cannot leave the process is reported to `onError`; the write still succeeds.
 */
export function publishingChanges<P extends RoutingRepositories>(
  ports: P,
  bus: InvalidationBus,
  onError: (error: unknown) => void,
): P {
  const publish = async (topics: readonly string[]) => {
    for (const topic of topics) await bus.publish(topic).catch(onError);
  };
  const wrapped = Object.fromEntries(
    (Object.keys(TOPICS) as (keyof RoutingRepositories)[]).map((name) => [
      name,
      announcing(ports[name], TOPICS[name] as TopicsOf<object>, publish),
    ]),
  );
  return { ...ports, ...wrapped };
}

function announcing<T extends object>(
  target: T,
  topics: TopicsOf<T>,
  publish: (topics: readonly string[]) => Promise<void>,
): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const topicsOf = (topics as Record<PropertyKey, ((...args: any[]) => readonly string[]) | undefined>)[property];
      if (!topicsOf) return value.bind(object);
      return async (...args: any[]) => {
        const result = await value.apply(object, args);
        await publish(topicsOf(...args));
        return result;
      };
    },
  });
}
