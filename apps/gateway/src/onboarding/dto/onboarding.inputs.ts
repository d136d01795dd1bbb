import { Field, InputType } from '@nestjs/graphql';
import { RoleEnum } from '../../auth/models/role.enum';

@InputType()
export class SignUpInput {
  @Field({ description: 'The company, e.g. "Acme Facilities".' })
  accountName!: string;
  @Field({ description: "The admin's name." })
  name!: string;
  @Field()
  email!: string;
  @Field({ description: 'At least 10 characters.' })
  password!: string;
}

@InputType()
export class InviteUserInput {
  @Field()
  email!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => RoleEnum)
  role!: RoleEnum;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The `token` of the invitation link.' })
  token!: string;
  @Field()
  name!: string;
  @Field({ description: 'At least 10 characters.' })
  password!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The `token` of the reset link.' })
  token!: string;
  @Field({ description: 'At least 10 characters.' })
  password!: string;
}
