import { Field, InputType } from '@nestjs/graphql';
import { RoleEnum } from '../models/role.enum';

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;
  @Field()
  name!: string;
  @Field(() => RoleEnum)
  role!: RoleEnum;
  @Field({ description: 'At least 10 characters.' })
  password!: string;
}
