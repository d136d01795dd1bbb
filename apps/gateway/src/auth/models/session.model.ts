import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Instant } from '@dutyline/domain';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { ApiKeyModel } from './api-key.model';
import { RoleEnum } from './role.enum';
import { UserModel } from './user.model';

@ObjectType('Account', { description: 'A tenant: one company running an on-call service.' })
export class AccountModel {
  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
}

@ObjectType('LoginResult')
export class LoginResultModel {
  @Field({ description: 'Send it as `Authorization: Bearer <token>`.' })
  token!: string;
  @Field(() => InstantScalar)
  expiresAt!: Instant;
  @Field(() => UserModel)
  user!: UserModel;
}

@ObjectType('Me', { description: 'The caller: a signed-in user or an API key, within one account.' })
export class MeModel {
  @Field(() => AccountModel)
  account!: AccountModel;
  @Field(() => RoleEnum)
  role!: RoleEnum;
  @Field(() => UserModel, { nullable: true })
  user!: UserModel | null;
  @Field(() => ApiKeyModel, { nullable: true })
  apiKey!: ApiKeyModel | null;
}
