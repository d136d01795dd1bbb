import { Inject, Injectable } from '@nestjs/common';
import { allItems } from '@dutyline/application';
import {
  type AccountRepository,
  type Clock,
  EmailAddress,
  type Id,
  type IdGenerator,
  type PageRequest,
  type Role,
  type User,
  assertId,
  requireText,
} from '@dutyline/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { NotFoundError, RefusalError } from '../graphql/api-errors';
import { CLOCK, ID_GENERATOR } from '../platform/platform.tokens';
import type { Actor } from './actor';
import { PASSWORD_HASHER } from './auth.tokens';
import { type PasswordHasher, acceptablePassword } from './password-hasher';

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

/** What the audit log keeps of a user: never the password hash. */
const audited = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

/** The users of the caller's account. Field paths in errors are relative to the `input` argument. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly audit: AuditTrail,
  ) {}

  async createUser(actor: Actor, input: NewUser): Promise<User> {
    const email = EmailAddress.parse(input.email, 'email');
    const name = requireText(input.name, 'name', 120);
    const password = acceptablePassword(input.password, 'password');
    const user: User = {
      id: this.ids.next(),
      accountId: actor.accountId,
      email,
      name,
      role: input.role,
      passwordHash: await this.hasher.hash(password),
      createdAt: this.clock.now(),
    };
    const saved = await this.accounts.saveUser(user);
    if (!saved.ok) throw new RefusalError('EMAIL_TAKEN', 'Another user of this account has this e-mail.', 'email');
    await this.audit.record(actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: audited(user),
    });
    return user;
  }

  /** Refused (LAST_ADMIN) when it would leave the account without an admin. Every session of the user ends. */
  async setUserRole(actor: Actor, userId: Id, role: Role): Promise<User> {
    const user = await this.accounts.user(actor.accountId, assertId(userId, 'userId'));
    if (!user) throw new NotFoundError('User', 'userId');
    if (user.role === role) return user;
    if (user.role === 'admin' && (await this.countAdmins(actor.accountId)) <= 1) {
      throw new RefusalError(
        'LAST_ADMIN',
        'An account keeps at least one admin: make another user admin first.',
        'role',
      );
    }
    const changed = { ...user, role };
    await this.accounts.saveUser(changed);
    await this.accounts.endSessions(user.accountId, user.id, this.clock.now());
    await this.audit.record(actor, {
      action: 'user.role-changed',
      entityType: 'user',
      entityId: user.id,
      before: audited(user),
      after: audited(changed),
    });
    return changed;
  }

  user(actor: Actor, id: Id): Promise<User | undefined> {
    return this.accounts.user(actor.accountId, id);
  }

  list(actor: Actor, page: PageRequest) {
    return this.accounts.listUsers(actor.accountId, page);
  }

  private async countAdmins(accountId: Id): Promise<number> {
    return (await allItems((page) => this.accounts.listUsers(accountId, page))).filter((u) => u.role === 'admin')
      .length;
  }
}
