import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Team } from '@dutyline/domain';
import { Paginated } from '../../graphql/pagination';

@ObjectType('Team', {
  description: 'A team or service (reception, a maintenance crew): its members are rung in order (F2).',
})
export class TeamModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field({ description: '`#rrggbb`.' })
  colour!: string;
  @Field(() => [ID], { description: 'Members in ringing order (see `members`).' })
  memberIds!: string[];

  static of(t: Team): TeamModel {
    return { id: t.id, name: t.name, colour: t.colour.hex, memberIds: [...t.memberIds] };
  }
}

@ObjectType()
export class TeamConnection extends Paginated(TeamModel) {}
