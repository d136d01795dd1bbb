import { Field, InputType } from '@nestjs/graphql';
import { RoleEnum } from '../models/role.enum';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "PBX integration".' })
  name!: string;
  @Field(() => RoleEnum, {
    defaultValue: RoleEnum.MEMBER,
    description: 'MEMBER (read only) unless the integration edits.',
  })
  role!: RoleEnum;
}
