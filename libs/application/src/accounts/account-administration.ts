import {
  Account,
  AccountSummary,
  EmailAddress,
  Id,
  Result,
  User,
  assertId,
  err,
  ok,
  requireText,
} from '@dutyline/domain';
import { NotFoundRefusal, notFound } from '../shared';
import { AccountAdministrationDeps } from './ports';

export interface NewAccount {
  readonly name: string;
  readonly adminEmail: string;
  /** @defaultValue the part of the e-mail before the @ */
  readonly adminName?: string | null;
  readonly adminPassword: string;
}

/** A user of some account already signs in with this e-mail. */
export interface EmailInUseRefusal {
  readonly code: 'EMAIL_TAKEN';
  readonly message: string;
  readonly field: 'adminEmail';
}

/** Whether the other processes were told at once; when not, why, and they follow within their cache's lifetime. */
export type Announcement = { readonly announced: true } | { readonly announced: false; readonly reason: string };

/**
 * What an operator does to accounts, outside any account: open one with its first admin, list them,
 * disable and enable them, delete one with everything of it. Field paths in refusals are those of
 * `NewAccount` and `accountId`.
 */
export class AccountAdministration {
  constructor(private readonly deps: AccountAdministrationDeps) {}

  /**
   * Creates the account and its admin in one transaction. The e-mail must be free in every account:
   * a login names no account, so a second account behind the same e-mail would make its first sign-in
   * ambiguous (`ACCOUNT_REQUIRED`).
   */
  async open(
    input: NewAccount,
  ): Promise<Result<{ readonly account: Account; readonly admin: User }, EmailInUseRefusal>> {
    const name = requireText(input.name, 'name', 200);
    const email = EmailAddress.parse(input.adminEmail, 'adminEmail');
    const adminName =
      input.adminName == null
        ? requireText(email.value.split('@')[0], 'adminName', 120)
        : requireText(input.adminName, 'adminName', 120);
    const password = this.deps.passwords.acceptable(input.adminPassword, 'adminPassword');
    const now = this.deps.clock.now();
    const account: Account = { id: this.deps.ids.next(), name, createdAt: now, disabledAt: null };
    const admin: User = {
      id: this.deps.ids.next(),
      accountId: account.id,
      email,
      name: adminName,
      role: 'admin',
      passwordHash: await this.deps.passwords.hash(password),
      createdAt: now,
    };
    const opened = await this.deps.accounts.openAccount(account, admin);
    if (!opened.ok)
      return err({
        code: 'EMAIL_TAKEN',
        message: `${email.value} already signs in to an account`,
        field: 'adminEmail',
      });
    return ok({ account, admin });
  }

  list(): Promise<AccountSummary[]> {
    return this.deps.accounts.listAccounts();
  }

  /** Its users and API keys are refused from the next request, its hotlines answer "not in service". Disabling twice keeps the first instant. */
  disable(accountId: Id): Promise<Result<Announcement, NotFoundRefusal>> {
    return this.change(accountId, (id) => this.deps.accounts.setAccountDisabled(id, this.deps.clock.now()));
  }

  enable(accountId: Id): Promise<Result<Announcement, NotFoundRefusal>> {
    return this.change(accountId, (id) => this.deps.accounts.setAccountDisabled(id, null));
  }

  /** Everything of the account, in one transaction. */
  delete(accountId: Id): Promise<Result<Announcement, NotFoundRefusal>> {
    return this.change(accountId, (id) => this.deps.accounts.deleteAccount(id));
  }

  private async change(
    accountId: Id,
    write: (id: Id) => Promise<Result<void, unknown>>,
  ): Promise<Result<Announcement, NotFoundRefusal>> {
    const id = assertId(accountId, 'accountId');
    if (!(await write(id)).ok) return err(notFound('account', id, 'accountId'));
    return ok(await this.announce(id));
  }

  private async announce(accountId: Id): Promise<Announcement> {
    if (!this.deps.announcer) return { announced: false, reason: 'no other process to tell' };
    try {
      await this.deps.announcer.accountChanged(accountId);
      return { announced: true };
    } catch (error) {
      return { announced: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
