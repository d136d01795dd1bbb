import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateTeamInput {
  @Field()
  name!: string;
  @Field(() => String, { nullable: true, description: '`#rrggbb`; by default a distinct one.' })
  colour?: string | null;
  @Field(() => [ID], { description: 'Members in ringing order.' })
  memberIds!: string[];
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateTeamInput {
  @Field(() => ID)
  id!: string;
  @Field({ nullable: true })
  name?: string;
  @Field({ nullable: true })
  colour?: string;
  @Field(() => [ID], { nullable: true, description: 'The whole list, in ringing order.' })
  memberIds?: string[];
}

@InputType()
export class SetTeamMembersInput {
  @Field(() => ID)
  id!: string;
  @Field(() => [ID], { description: 'Members in the new ringing order.' })
  memberIds!: string[];
}
