import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Instant, OneTimeToken } from '@dutyline/domain';
import { RoleEnum } from '../../auth/models/role.enum';
import { UserModel } from '../../auth/models/user.model';
import { InstantScalar } from '../../graphql/scalars/instant.scalar';

@ObjectType('Invitation', {
  description: 'A pending invitation: its e-mail carries a single-use link to `<base>/accept-invitation?token=…`.',
})
export class InvitationModel {
  @Field(() => ID)
  id!: string;
  @Field()
  email!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The name the admin gave; the person chooses theirs on accepting.',
  })
  name!: string | null;
  @Field(() => RoleEnum, { description: 'The role the new user gets.' })
  role!: RoleEnum;
  @Field(() => UserModel, {
    nullable: true,
    description: 'The admin who invited; null when they are gone or an API key invited.',
  })
  invitedBy?: UserModel | null;
  @Field(() => InstantScalar)
  createdAt!: Instant;
  @Field(() => InstantScalar, {
    description: 'The link stops working then (INVITATION_TTL_HOURS after the last send).',
  })
  expiresAt!: Instant;
  /** Who issued it, for `invitedBy`. */
  createdBy!: string | null;
  accountId!: string;

  static of(invitation: OneTimeToken): InvitationModel {
    const { id, accountId, email, name, role, createdBy, createdAt, expiresAt } = invitation;
    return {
      id,
      accountId,
      email: email.value,
      name,
      role: (role ?? 'member') as RoleEnum,
      createdBy,
      createdAt,
      expiresAt,
    };
  }
}

@ObjectType('InvitationPreview', { description: 'What an invitation link opens, for the page that accepts it.' })
export class InvitationPreviewModel {
  @Field()
  accountName!: string;
  @Field()
  email!: string;
  @Field(() => RoleEnum)
  role!: RoleEnum;
  @Field(() => InstantScalar)
  expiresAt!: Instant;
}

@ObjectType('SignUpResult')
export class SignUpResultModel {
  @Field({
    description:
      'The e-mail went out (false: the mail server refused or did not answer; nothing says whether the address was known).',
  })
  emailSent!: boolean;
}
