import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Instant, User } from '@dutyline/domain';
import { Paginated } from '../../graphql/pagination';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';
import { RoleEnum } from './role.enum';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;
  @Field()
  email!: string;
  @Field()
  name!: string;
  @Field(() => RoleEnum)
  role!: RoleEnum;
  @Field(() => InstantScalar)
  createdAt!: Instant;
  /** Not a field: scopes `emailVerified` (onboarding), which a resolver may also set when it knows. */
  accountId!: string;
  emailVerified?: boolean;

  static of(user: User): UserModel {
    return {
      id: user.id,
      accountId: user.accountId,
      email: user.email.value,
      name: user.name,
      role: user.role as RoleEnum,
      createdAt: user.createdAt,
    };
  }
}

@ObjectType()
export class UserConnection extends Paginated(UserModel) {}
