import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ContactNumber, Person } from '@dutyline/domain';
import { Paginated } from '../../graphql/pagination';

@ObjectType('ContactNumber', { description: "One of a person's numbers; numbers are rung in list order." })
export class ContactNumberModel {
  @Field({ description: 'E.164, e.g. `+33612345678`.' })
  number!: string;
  @Field({ description: 'e.g. `mobile`, `home`, `call centre`.' })
  label!: string;
  @Field(() => Int, { description: 'Seconds it rings before the next number is tried.' })
  ringTimeoutSeconds!: number;
  @Field({ description: 'A disabled number stays on file but is never dialled.' })
  enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 country of the number, e.g. `FR`.' })
  country!: string | null;
  @Field({ description: 'What kind of line the numbering plan says it is: `MOBILE`, `FIXED_LINE`…' })
  lineType!: string;

  static of(n: ContactNumber): ContactNumberModel {
    return {
      number: n.number.e164,
      label: n.label,
      ringTimeoutSeconds: n.ringTimeout.seconds,
      enabled: n.enabled,
      country: n.number.country ?? null,
      lineType: n.number.type,
    };
  }
}

@ObjectType('Person', { description: 'Someone who can be put on duty (F1).' })
export class PersonModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field({ description: "`#rrggbb`, distinct from the account's other people and teams by default." })
  colour!: string;
  @Field(() => String, { nullable: true })
  email!: string | null;
  @Field(() => [ContactNumberModel], { description: 'In ringing order.' })
  contactNumbers!: ContactNumberModel[];
  @Field(() => Int, {
    description:
      'How many Dutyline calls the person takes at once (default 1): while on that many, the cascade skips them without ringing.',
  })
  maxSimultaneousCalls!: number;

  static of(p: Person): PersonModel {
    return {
      id: p.id,
      name: p.name,
      colour: p.colour.hex,
      email: p.email?.value ?? null,
      contactNumbers: p.contactNumbers.map(ContactNumberModel.of),
      maxSimultaneousCalls: p.maxSimultaneousCalls,
    };
  }
}

@ObjectType()
export class PersonConnection extends Paginated(PersonModel) {}
