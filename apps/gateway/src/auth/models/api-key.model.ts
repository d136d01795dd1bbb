import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ApiKey, Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { RoleEnum } from './role.enum';

@ObjectType('ApiKey', {
  description: 'A key for integrations. The secret is shown once, at creation; only its prefix stays visible.',
})
export class ApiKeyModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field({ description: 'The first characters of the key, to recognise it.' })
  prefix!: string;
  @Field(() => RoleEnum)
  role!: RoleEnum;
  @Field(() => InstantScalar)
  createdAt!: Instant;
  @Field(() => InstantScalar, { nullable: true })
  revokedAt!: Instant | null;
  @Field(() => InstantScalar, { nullable: true, description: 'Last authenticated request (to the minute).' })
  lastUsedAt!: Instant | null;

  static of(key: ApiKey): ApiKeyModel {
    const { id, name, prefix, role, createdAt, revokedAt, lastUsedAt } = key;
    return { id, name, prefix, role: role as RoleEnum, createdAt, revokedAt, lastUsedAt };
  }
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyModel {
  @Field(() => ApiKeyModel)
  apiKey!: ApiKeyModel;
  @Field({ description: 'The secret: send it as `Authorization: Bearer <key>`. Shown this once; store it now.' })
  key!: string;
}
