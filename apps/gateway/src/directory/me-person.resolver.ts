import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import { APPLICATION } from '../application/application.module';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { MeModel } from '../auth/models/session.model';
import { PersonModel } from './models/person.model';

/** `Me.person`: the directory's side of the caller, for screens such as "my shifts". */
@Resolver(() => MeModel)
export class MePersonResolver {
  constructor(@Inject(APPLICATION) private readonly app: Application) {}

  @ResolveField('person', () => PersonModel, {
    nullable: true,
    description:
      "The account's person whose e-mail is the signed-in user's (case-insensitive); null for an API key or when no person has it.",
  })
  async person(@CurrentActor() actor: Actor, @Parent() me: MeModel): Promise<PersonModel | null> {
    if (actor.userId === null || !me.user) return null;
    const found = await this.app.directory.personByEmail(callerOf(actor), me.user.email);
    return found ? PersonModel.of(found) : null;
  }
}
