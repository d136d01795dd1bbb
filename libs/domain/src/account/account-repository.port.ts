import { EmailAddress, Id, Instant, NotFound, Page, PageRequest, Result } from '../shared';
import { Account, AccountSummary } from './account';
import { EmailTaken, LoginSession, RevokedLoginToken, User } from './user';

/** Accounts, their users and login sessions. Failure contract: the repositories' one (shared/repository-refusals.ts). */
export interface AccountRepository {
  /** Rejects (store error) when the id exists. */
  createAccount(account: Account): Promise<void>;
  account(id: Id): Promise<Account | undefined>;
  /** Creates or replaces a user; refused when another user of the account has the same e-mail. */
  saveUser(user: User): Promise<Result<void, EmailTaken>>;
  user(accountId: Id, id: Id): Promise<User | undefined>;
  userByEmail(accountId: Id, email: EmailAddress): Promise<User | undefined>;
  /** For a login that does not name the account: every account's user with this e-mail. */
  usersByEmail(email: EmailAddress): Promise<User[]>;
  /** Ordered by e-mail, then id. */
  listUsers(accountId: Id, page?: PageRequest): Promise<Page<User>>;
  /** Ends every login session of the user issued before `at` (never moves that instant back); `saveUser` leaves it alone. */
  endSessions(accountId: Id, userId: Id, at: Instant): Promise<void>;
  /** Refuses one login token from now on; tokens expired by `now` are forgotten. Revoking twice is harmless. */
  revokeLoginToken(token: RevokedLoginToken, now: Instant): Promise<void>;
  /** The user a login token names and whether the token still holds; undefined when the user is gone. */
  loginSession(accountId: Id, userId: Id, tokenId: Id): Promise<LoginSession | undefined>;
  /** Creates the account and its first user in one transaction; refused when a user of any account has that e-mail. */
  openAccount(account: Account, admin: User): Promise<Result<void, EmailTaken>>;
  /** Every account, oldest first (then by id), with its numbers of users and hotlines. */
  listAccounts(): Promise<AccountSummary[]>;
  /** Disables the account from `at` (an account disabled already keeps its instant), or enables it with null. */
  setAccountDisabled(id: Id, at: Instant | null): Promise<Result<void, NotFound>>;
  /** Deletes the account and every row of it, in one transaction. */
  deleteAccount(id: Id): Promise<Result<void, NotFound>>;
}
