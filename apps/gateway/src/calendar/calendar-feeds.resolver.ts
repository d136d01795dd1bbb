import { Inject, Injectable } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Application, CalendarFeeds } from '@dutyline/application';
import { type CalendarFeedOwner, invalid } from '@dutyline/domain';
import { APPLICATION } from '../application/application.module';
import { settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { GraphQLContext } from '../auth/gateway-request';
import { EDITORS } from '../auth/roles';
import { UsersService } from '../auth/users.service';
import { PersonModel } from '../directory/models/person.model';
import { ForbiddenError } from '../graphql/api-errors';
import { HotlineModel } from '../hotlines/models/hotline.model';
import { CALENDAR_FEEDS, CALENDAR_FEED_URL } from './calendar.tokens';

const URL_DESCRIPTION =
  'The secret address of the calendar feed (iCal) of these shifts, for calendar apps: anyone with it can read the feed, so treat it as a password; ' +
  '`rotateCalendarToken` replaces it. Admins and supervisors see every feed; a member only the feed of their own person (`me { person }`), FORBIDDEN otherwise.';

/**
 * Who may see or rotate which feed: admins and supervisors every one; a member (and a member API key)
 * only their own person's, the person `Me.person` names.
 */
@Injectable()
export class CalendarFeedAccess {
  private readonly ownPeople = new WeakMap<object, Promise<string | null>>();

  constructor(
    @Inject(CALENDAR_FEEDS) readonly feeds: CalendarFeeds,
    @Inject(CALENDAR_FEED_URL) readonly urlOf: (token: string) => string,
    @Inject(APPLICATION) private readonly app: Application,
    private readonly users: UsersService,
  ) {}

  async check(actor: Actor, owner: CalendarFeedOwner, context: GraphQLContext): Promise<void> {
    if (EDITORS.includes(actor.role)) return;
    if (owner.kind === 'person' && owner.id === (await this.ownPersonId(actor, context))) return;
    throw new ForbiddenError('A member sees and rotates the calendar feed of their own person only.');
  }

  /** The id of the person whose e-mail is the signed-in user's, once per request. */
  private ownPersonId(actor: Actor, context: GraphQLContext): Promise<string | null> {
    let known = this.ownPeople.get(context.req);
    if (!known) {
      known = (async () => {
        const user = actor.userId !== null ? await this.users.user(actor, actor.userId) : undefined;
        const own = user ? await this.app.directory.personByEmail(callerOf(actor), user.email.value) : undefined;
        return own?.id ?? null;
      })();
      this.ownPeople.set(context.req, known);
    }
    return known;
  }

  async url(actor: Actor, owner: CalendarFeedOwner, context: GraphQLContext): Promise<string> {
    await this.check(actor, owner, context);
    return this.urlOf(await settled(null, () => this.feeds.token(callerOf(actor), owner)));
  }
}

@Resolver(() => PersonModel)
export class PersonCalendarResolver {
  constructor(private readonly access: CalendarFeedAccess) {}

  @ResolveField('calendarUrl', () => String, {
    description: `${URL_DESCRIPTION} Holds their slots and overrides on every hotline, through their teams too.`,
  })
  calendarUrl(
    @CurrentActor() actor: Actor,
    @Parent() person: PersonModel,
    @Context() context: GraphQLContext,
  ): Promise<string> {
    return this.access.url(actor, { kind: 'person', id: person.id }, context);
  }
}

@Resolver(() => HotlineModel)
export class HotlineCalendarResolver {
  constructor(private readonly access: CalendarFeedAccess) {}

  @ResolveField('calendarUrl', () => String, {
    description: `${URL_DESCRIPTION} Holds all the hotline's slots and overrides.`,
  })
  calendarUrl(
    @CurrentActor() actor: Actor,
    @Parent() hotline: HotlineModel,
    @Context() context: GraphQLContext,
  ): Promise<string> {
    return this.access.url(actor, { kind: 'hotline', id: hotline.id }, context);
  }
}

@Resolver()
export class CalendarFeedsResolver {
  constructor(private readonly access: CalendarFeedAccess) {}

  @Mutation(() => String, {
    description:
      'Replaces the calendar feed address of a person or of a hotline (name exactly one) and answers the new one; the old one answers 404 at once. ' +
      "Admins and supervisors: any; a member: their own person's.",
  })
  @Roles('admin', 'supervisor', 'member')
  async rotateCalendarToken(
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLContext,
    @Args('person', { type: () => ID, nullable: true }) person?: string | null,
    @Args('hotline', { type: () => ID, nullable: true }) hotline?: string | null,
  ): Promise<string> {
    const owner = ownerOf(person, hotline);
    await this.access.check(actor, owner, context);
    return this.access.urlOf(await settled(null, () => this.access.feeds.rotateToken(callerOf(actor), owner)));
  }
}

function ownerOf(person: string | null | undefined, hotline: string | null | undefined): CalendarFeedOwner {
  if (person != null && hotline != null) invalid('TOO_MANY', 'hotline', 'Name a person or a hotline, not both.');
  if (person != null) return { kind: 'person', id: person };
  if (hotline != null) return { kind: 'hotline', id: hotline };
  return invalid('REQUIRED', 'person', 'Name the person or the hotline whose calendar feed address is replaced.');
}
