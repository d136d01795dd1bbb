import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A number of a person: E.164 (`+33 6 12 34 56 78` is read too).' })
export class ContactNumberInput {
  @Field()
  number!: string;
  @Field({ nullable: true, description: 'Default `phone`.' })
  label?: string;
  @Field(() => Int, { nullable: true, description: 'Seconds, 5 to 120. Default 25.' })
  ringTimeoutSeconds?: number;
  @Field({ nullable: true, description: 'Default true.' })
  enabled?: boolean;
}

const CAP =
  'How many Dutyline calls the person takes at once, 1 to 20 (default 1): while on that many, the cascade skips them without ringing.';

@InputType()
export class CreatePersonInput {
  @Field()
  name!: string;
  @Field(() => String, {
    nullable: true,
    description: '`#rrggbb`; by default the first colour no person or team of the account uses.',
  })
  colour?: string | null;
  @Field(() => String, { nullable: true })
  email?: string | null;
  @Field(() => [ContactNumberInput], { nullable: true, description: 'In ringing order.' })
  contactNumbers?: ContactNumberInput[] | null;
  @Field(() => Int, { nullable: true, description: CAP })
  maxSimultaneousCalls?: number | null;
}

@InputType({ description: 'Fields left out keep their value; `email: null` removes the address.' })
export class UpdatePersonInput {
  @Field(() => ID)
  id!: string;
  @Field({ nullable: true })
  name?: string;
  @Field({ nullable: true })
  colour?: string;
  @Field(() => String, { nullable: true })
  email?: string | null;
  @Field(() => [ContactNumberInput], { nullable: true, description: 'The whole list, in ringing order.' })
  contactNumbers?: ContactNumberInput[];
  @Field(() => Int, { nullable: true, description: CAP })
  maxSimultaneousCalls?: number;
}

@InputType()
export class AddContactNumberInput extends ContactNumberInput {
  @Field(() => ID)
  personId!: string;
  @Field(() => Int, { nullable: true, description: 'Where it goes in the ringing order (0 = first). Default last.' })
  position?: number | null;
}

@InputType()
export class ContactNumberRefInput {
  @Field(() => ID)
  personId!: string;
  @Field({ description: "One of the person's numbers." })
  number!: string;
}

@InputType()
export class SetContactNumberEnabledInput extends ContactNumberRefInput {
  @Field()
  enabled!: boolean;
}

@InputType()
export class ReorderContactNumbersInput {
  @Field(() => ID)
  personId!: string;
  @Field(() => [String], { description: "Each of the person's numbers exactly once, in the new order." })
  order!: string[];
}
