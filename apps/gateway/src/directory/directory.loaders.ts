import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Application } from '@dutyline/application';
import type { Id, Person, Team } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { callerOf } from '../auth/actor';
import type { GraphQLContext } from '../auth/gateway-request';
import { UnauthenticatedError } from '../graphql/api-errors';

/** Batches of one request: every person or team asked for while resolving it, read in one call each. */
export interface RequestLoaders {
  readonly person: DataLoader<Id, Person | null>;
  readonly team: DataLoader<Id, Team | null>;
}

/**
 * DataLoaders per GraphQL request (kept on the request object, so they die with it): a week view
 * naming 50 people reads them in one `peopleByIds` call however many slots, levels, team members
 * and supervisors name them. Scoped to the caller's account like every read.
 */
@Injectable()
export class DirectoryLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  of(context: GraphQLContext): RequestLoaders {
    const known = this.perRequest.get(context.req);
    if (known) return known;
    const actor = context.req.actor;
    if (!actor) throw new UnauthenticatedError('Sign in first: send Authorization: Bearer <login token or API key>.');
    const caller = callerOf(actor);
    const byId = <T extends { id: Id }>(found: T[], ids: readonly Id[]) => {
      const map = new Map(found.map((x) => [x.id, x]));
      return ids.map((id) => map.get(id) ?? null);
    };
    const loaders: RequestLoaders = {
      person: new DataLoader(async (ids) => byId(await this.app.directory.peopleByIds(caller, ids), ids)),
      team: new DataLoader(async (ids) => byId(await this.app.directory.teamsByIds(caller, ids), ids)),
    };
    this.perRequest.set(context.req, loaders);
    return loaders;
  }

  /** After a write: the request's later reads see the new state. */
  remember(context: GraphQLContext, entity: { kind: 'person'; value: Person } | { kind: 'team'; value: Team }): void {
    const loaders = this.of(context);
    if (entity.kind === 'person') loaders.person.clear(entity.value.id).prime(entity.value.id, entity.value);
    else loaders.team.clear(entity.value.id).prime(entity.value.id, entity.value);
  }
}

/** The people of `ids` that still exist, in order. */
export async function peopleOf(loaders: RequestLoaders, ids: readonly Id[]): Promise<Person[]> {
  return (await loaders.person.loadMany(ids)).filter((p): p is Person => p !== null && !(p instanceof Error));
}
