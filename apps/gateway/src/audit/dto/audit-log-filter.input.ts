import { Field, ID, InputType } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

@InputType({ description: 'Every given criterion must hold.' })
export class AuditLogFilterInput {
  @Field({ nullable: true })
  entityType?: string;
  @Field(() => ID, { nullable: true })
  entityId?: string;
  @Field(() => ID, { nullable: true, description: 'A user or API key id.' })
  actorId?: string;
  @Field({ nullable: true })
  action?: string;
  @Field(() => InstantScalar, { nullable: true, description: 'Changes at or after this instant.' })
  from?: Instant;
  @Field(() => InstantScalar, { nullable: true, description: 'Changes before this instant.' })
  to?: Instant;
}
