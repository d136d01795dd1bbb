import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Instant, JsonValue } from '@dutyline/domain';
import { Paginated } from '../../graphql/pagination';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { JsonScalar } from '../../graphql/scalars/json.scalar';

@ObjectType('AuditActor', { description: 'Who made a change: a user, an API key, or the system.' })
export class AuditActorModel {
  @Field({ description: '`user`, `api-key` or `system`.' })
  kind!: string;
  @Field(() => ID, { nullable: true })
  id!: string | null;
}

@ObjectType('AuditEntry', { description: 'One change to the schedule or the directory.' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;
  @Field(() => InstantScalar)
  at!: Instant;
  @Field(() => AuditActorModel)
  actor!: AuditActorModel;
  @Field({ description: 'e.g. `slot.moved`, `person.created`.' })
  action!: string;
  @Field({ description: 'e.g. `slot`, `person`, `hotline`.' })
  entityType!: string;
  @Field(() => ID)
  entityId!: string;
  @Field(() => JsonScalar, { nullable: true, description: 'The entity before the change; null when it was created.' })
  before!: JsonValue;
  @Field(() => JsonScalar, { nullable: true, description: 'The entity after the change; null when it was deleted.' })
  after!: JsonValue;
}

@ObjectType()
export class AuditEntryConnection extends Paginated(AuditEntryModel) {}
