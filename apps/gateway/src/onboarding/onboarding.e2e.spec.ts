/**
 * Sign-up, invitations and password resets end to end: a real gateway (SQLite, and MariaDB for the
 * flows that write), its e-mails through a real SMTP server (the sink the mail tests use), the links
 * followed from the e-mails as a person would.
 */
import type { AccountRepository } from '@dutyline/domain';
import { ManualClock } from '@dutyline/domain/testing';
import { type ParsedMail, SmtpSink } from '@dutyline/mail/testing';
import { deleteAccount } from '@dutyline/persistence';
import { describeWithMariaDb, describeWithRedis, redisUrl, uniqueName } from '@dutyline/test-support';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../database/database.module';
import { ACCOUNT_REPOSITORY } from '../database/repository.tokens';
import { CLOCK } from '../platform/platform.tokens';
import { dataOf } from '../testing/feature-fixtures';
import { type GatewayHarness, type GraphQLAnswer, startGateway } from '../testing/gateway-harness';

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://console.example.org';
const MAIL_FROM = 'accounts@dutyline.test';
const HOUR = 3600_000;

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email name role createdAt expiresAt invitedBy { email } } }`;
const INVITATIONS = '{ invitations { id email role expiresAt } }';
const RESEND = 'mutation($id: ID!) { resendInvitation(id: $id) { id expiresAt } }';
const REVOKE = 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }';
const PREVIEW = 'query($token: String!) { invitationPreview(token: $token) { accountName email role expiresAt } }';
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { email name role emailVerified } } }`;
const ME = '{ me { role account { id name } user { id email emailVerified } } }';
const REQUEST_RESET = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const LOGIN =
  'mutation($email: String!, $password: String!, $accountId: ID) { login(email: $email, password: $password, accountId: $accountId) { token user { emailVerified } } }';
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { emailSent } }';
const VERIFY = 'mutation($token: String!) { verifyEmail(token: $token) }';
const SEND_VERIFICATION = 'mutation { sendEmailVerification }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';

/** The one error of an answer: code, field and details. */
function refusal(answer: GraphQLAnswer) {
  expect(answer.body.errors).toHaveLength(1);
  const { code, field, details } = answer.body.errors![0].extensions ?? {};
  return { code, field, ...(details ? { details } : {}) };
}

async function eventually<T>(check: () => T, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The token of the one link to `page` in a mail, checked in the text and the HTML part alike. */
function linkToken(mail: ParsedMail, page: string): string {
  const pattern = new RegExp(`${PUBLIC_URL}/${page}\\?token=([A-Za-z0-9_-]{43})`, 'g');
  const inText = [...mail.text.matchAll(pattern)].map((m) => m[1]);
  expect(inText).toHaveLength(1);
  expect(mail.html).toContain(`href="${PUBLIC_URL}/${page}?token=${inText[0]}"`);
  return inText[0];
}

interface World {
  gateway: GatewayHarness;
  sink: SmtpSink;
  /** Mails to one address so far. */
  mailsTo(address: string): ParsedMail[];
  /** Waits for the `count`th mail to an address. */
  mailTo(address: string, count?: number): Promise<ParsedMail>;
}

function onboardingWorld(
  database: 'sqlite' | 'mariadb',
  options: { env?: Record<string, string>; clock?: () => ManualClock } = {},
) {
  let world: World | undefined;
  const signedUpAccounts: string[] = [];
  beforeEach(async () => {
    const sink = await SmtpSink.start();
    const clock = options.clock?.();
    const gateway = await startGateway({
      database,
      env: { SMTP_URL: sink.url(MAIL_FROM), PUBLIC_URL, ...options.env },
      override: (builder) => (clock ? builder.overrideProvider(CLOCK).useValue(clock) : builder),
    });
    const mailsTo = (address: string) =>
      sink.received
        .filter((mail) => mail.envelopeTo.includes(address.toLowerCase()) || mail.envelopeTo.includes(address))
        .map((mail) => mail.parsed);
    world = {
      gateway,
      sink,
      mailsTo,
      mailTo: (address, count = 1) =>
        eventually(() => {
          const mails = mailsTo(address);
          if (mails.length < count) throw new Error(`${mails.length} mails to ${address}, waiting for ${count}`);
          return mails[count - 1];
        }),
    };
  });
  afterEach(async () => {
    if (!world) return;
    const dataSource = world.gateway.app.get<DataSource>(DATA_SOURCE);
    for (const accountId of signedUpAccounts.splice(0)) await deleteAccount(dataSource, accountId);
    await world.gateway.close();
    await world.sink.close();
    world = undefined;
  });
  return {
    get: () => world!,
    /** A signed-up account to delete after the test (MariaDB outlives the run). */
    forget: (accountId: string) => signedUpAccounts.push(accountId),
  };
}

/** Nothing a test found in the e-mails appears in the gateway's log. */
function expectNotLogged(gateway: GatewayHarness, ...secrets: string[]) {
  const log = JSON.stringify(gateway.logs);
  for (const secret of secrets) expect(log).not.toContain(secret);
}

for (const database of ['sqlite', 'mariadb'] as const) {
  const describeOn = database === 'mariadb' ? describeWithMariaDb : describe;

  describeOn(`invitations on ${database}`, () => {
    const world = onboardingWorld(database);

    it('e-mails a link that opens once: the invited person chooses a password, is signed in with the role, and the link is dead after', async () => {
      const { gateway, mailTo } = world.get();
      const account = await gateway.newAccount();
      const admin = account.tokens.admin;
      const invitee = `${uniqueName('invitee')}@example.org`;

      const { inviteUser } = await dataOf(
        gateway.graphql(INVITE, { input: { email: invitee, name: 'Zoé Leroy', role: 'SUPERVISOR' } }, { token: admin }),
      );
      expect(inviteUser).toMatchObject({
        email: invitee,
        name: 'Zoé Leroy',
        role: 'SUPERVISOR',
        invitedBy: { email: account.users.admin.email },
      });
      expect(Date.parse(inviteUser.expiresAt) - Date.parse(inviteUser.createdAt)).toBe(72 * HOUR);
      expect(
        (await dataOf(gateway.graphql(INVITATIONS, {}, { token: admin }))).invitations.map((i: { id: string }) => i.id),
      ).toEqual([inviteUser.id]);

      const mail = await mailTo(invitee);
      expect(mail.subject).toBe(`You are invited to Test ${account.accountId} on Dutyline`);
      expect(mail.text).toContain('as a supervisor');
      const token = linkToken(mail, 'accept-invitation');

      expect((await dataOf(gateway.graphql(PREVIEW, { token }))).invitationPreview).toEqual({
        accountName: `Test ${account.accountId}`,
        email: invitee,
        role: 'SUPERVISOR',
        expiresAt: inviteUser.expiresAt,
      });
      // A refused password leaves the link working.
      expect(
        refusal(await gateway.graphql(ACCEPT, { input: { token, name: 'Zoé Leroy', password: 'short' } })),
      ).toEqual({ code: 'WEAK_PASSWORD', field: 'input.password' });

      const { acceptInvitation } = await dataOf(
        gateway.graphql(ACCEPT, { input: { token, name: 'Zoé Leroy', password: 'a long enough secret' } }),
      );
      expect(acceptInvitation.user).toEqual({
        email: invitee,
        name: 'Zoé Leroy',
        role: 'SUPERVISOR',
        emailVerified: true,
      });
      const { me } = await dataOf(gateway.graphql(ME, {}, { token: acceptInvitation.token }));
      expect(me).toMatchObject({
        role: 'SUPERVISOR',
        account: { id: account.accountId },
        user: { email: invitee, emailVerified: true },
      });
      await dataOf(
        gateway.graphql(LOGIN, { email: invitee, password: 'a long enough secret', accountId: account.accountId }),
      );

      expect(
        refusal(await gateway.graphql(ACCEPT, { input: { token, name: 'Again', password: 'a long enough secret' } })),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
      expect((await dataOf(gateway.graphql(PREVIEW, { token }))).invitationPreview).toBeNull();
      expect((await dataOf(gateway.graphql(INVITATIONS, {}, { token: admin }))).invitations).toEqual([]);
      expectNotLogged(gateway, token);
    });

    it('resend kills the former link; a revoked link is refused; an address of the account and members are refused', async () => {
      const { gateway, mailTo } = world.get();
      const account = await gateway.newAccount();
      const admin = account.tokens.admin;
      const invitee = `${uniqueName('resent')}@example.org`;
      const { inviteUser } = await dataOf(
        gateway.graphql(INVITE, { input: { email: invitee, role: 'MEMBER' } }, { token: admin }),
      );
      const first = linkToken(await mailTo(invitee), 'accept-invitation');

      const { resendInvitation } = await dataOf(gateway.graphql(RESEND, { id: inviteUser.id }, { token: admin }));
      expect(resendInvitation.id).toBe(inviteUser.id);
      const second = linkToken(await mailTo(invitee, 2), 'accept-invitation');
      expect(second).not.toBe(first);
      expect((await dataOf(gateway.graphql(PREVIEW, { token: first }))).invitationPreview).toBeNull();
      expect(
        refusal(
          await gateway.graphql(ACCEPT, {
            input: { token: first, name: 'Old Link', password: 'a long enough secret' },
          }),
        ),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
      expect((await dataOf(gateway.graphql(PREVIEW, { token: second }))).invitationPreview).toMatchObject({
        email: invitee,
        role: 'MEMBER',
      });

      await dataOf(gateway.graphql(REVOKE, { id: inviteUser.id }, { token: admin }));
      expect((await dataOf(gateway.graphql(PREVIEW, { token: second }))).invitationPreview).toBeNull();
      expect(
        refusal(
          await gateway.graphql(ACCEPT, {
            input: { token: second, name: 'Revoked', password: 'a long enough secret' },
          }),
        ),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
      expect(refusal(await gateway.graphql(REVOKE, { id: inviteUser.id }, { token: admin }))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(refusal(await gateway.graphql(RESEND, { id: inviteUser.id }, { token: admin }))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
      });

      // Another account's admin sees nothing of it.
      const other = await gateway.newAccount();
      const { inviteUser: pending } = await dataOf(
        gateway.graphql(INVITE, { input: { email: invitee, role: 'MEMBER' } }, { token: admin }),
      );
      expect(refusal(await gateway.graphql(REVOKE, { id: pending.id }, { token: other.tokens.admin }))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect((await dataOf(gateway.graphql(INVITATIONS, {}, { token: other.tokens.admin }))).invitations).toEqual([]);

      expect(
        refusal(
          await gateway.graphql(
            INVITE,
            { input: { email: account.users.member.email.toUpperCase(), role: 'ADMIN' } },
            { token: admin },
          ),
        ),
      ).toEqual({ code: 'EMAIL_TAKEN', field: 'input.email' });
      expect(
        refusal(await gateway.graphql(INVITE, { input: { email: 'not an address', role: 'ADMIN' } }, { token: admin })),
      ).toMatchObject({ field: 'input.email' });
      expect(
        refusal(
          await gateway.graphql(INVITE, { input: { email: invitee, role: 'ADMIN' } }, { token: account.tokens.member }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await gateway.graphql(INVITATIONS, {}, { token: account.tokens.supervisor }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describeOn(`password reset on ${database}`, () => {
    const world = onboardingWorld(database);

    it('opens no link of a disabled account, and e-mails no reset link for it', async () => {
      const { gateway, sink, mailTo } = world.get();
      const account = await gateway.newAccount();
      const invitee = `${uniqueName('disabled')}@example.org`;
      await dataOf(
        gateway.graphql(INVITE, { input: { email: invitee, role: 'MEMBER' } }, { token: account.tokens.admin }),
      );
      const invitation = linkToken(await mailTo(invitee), 'accept-invitation');
      const { email } = account.users.member;
      await dataOf(gateway.graphql(REQUEST_RESET, { email }));
      const reset = linkToken(await mailTo(email), 'reset-password');

      await gateway.app.get<AccountRepository>(ACCOUNT_REPOSITORY).setAccountDisabled(account.accountId, Date.now());
      expect((await dataOf(gateway.graphql(PREVIEW, { token: invitation }))).invitationPreview).toBeNull();
      expect(
        refusal(
          await gateway.graphql(ACCEPT, {
            input: { token: invitation, name: 'Too Late', password: 'a long enough secret' },
          }),
        ),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
      expect(
        refusal(await gateway.graphql(RESET, { input: { token: reset, password: 'a brand new password' } })),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });

      await dataOf(gateway.graphql(REQUEST_RESET, { email }));
      const other = await gateway.newAccount();
      await dataOf(gateway.graphql(REQUEST_RESET, { email: other.users.member.email }));
      await mailTo(other.users.member.email);
      expect(sink.received).toHaveLength(3);
    });

    it('e-mails a link to a known address that resets once and ends every session; an unknown address gets the same answer and no e-mail', async () => {
      const { gateway, sink, mailTo } = world.get();
      const account = await gateway.newAccount();
      const { email, password } = account.users.supervisor;
      const session = (await dataOf(gateway.graphql(LOGIN, { email, password }))).login.token;

      const unknown = await gateway.graphql(REQUEST_RESET, { email: `${uniqueName('nobody')}@example.org` });
      const known = await gateway.graphql(REQUEST_RESET, { email: email.toUpperCase() });
      expect([unknown.status, unknown.body]).toEqual([200, { data: { requestPasswordReset: true } }]);
      expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);

      const mail = await mailTo(email);
      expect(mail.subject).toBe('Reset your Dutyline password');
      const token = linkToken(mail, 'reset-password');
      expect(sink.received).toHaveLength(1);

      expect(refusal(await gateway.graphql(RESET, { input: { token, password: 'short' } }))).toEqual({
        code: 'WEAK_PASSWORD',
        field: 'input.password',
      });
      await dataOf(gateway.graphql(ME, {}, { token: session }));
      expect(await dataOf(gateway.graphql(RESET, { input: { token, password: 'a brand new password' } }))).toEqual({
        resetPassword: true,
      });

      expect(refusal(await gateway.graphql(ME, {}, { token: session }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(refusal(await gateway.graphql(ME, {}, { token: account.tokens.supervisor }))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(refusal(await gateway.graphql(LOGIN, { email, password }))).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      await dataOf(gateway.graphql(LOGIN, { email, password: 'a brand new password' }));
      expect(refusal(await gateway.graphql(RESET, { input: { token, password: 'yet another password' } }))).toEqual({
        code: 'INVALID_TOKEN',
        field: 'input.token',
      });
      expect(
        refusal(await gateway.graphql(RESET, { input: { token: 'not-a-token', password: 'yet another password' } })),
      ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
      // Other users keep their sessions.
      await dataOf(gateway.graphql(ME, {}, { token: account.tokens.admin }));
      expectNotLogged(gateway, token);
    });

    it('lists every account the address is a user of, each link resetting its own account only', async () => {
      const { gateway, mailTo } = world.get();
      const first = await gateway.newAccount();
      const second = await gateway.newAccount();
      const { email, password } = first.users.member;
      await dataOf(
        gateway.graphql(
          CREATE_USER,
          { input: { email, name: 'Same Person', role: 'MEMBER', password: 'second account password' } },
          { token: second.tokens.admin },
        ),
      );

      await dataOf(gateway.graphql(REQUEST_RESET, { email }));
      const mail = await mailTo(email);
      const links = [...mail.text.matchAll(/Reset the password in (.+):\n\S+\?token=([A-Za-z0-9_-]{43})/g)].map((m) => [
        m[1],
        m[2],
      ]);
      expect(links.map(([name]) => name).sort()).toEqual(
        [`Test ${first.accountId}`, `Test ${second.accountId}`].sort(),
      );

      const secondLink = links.find(([name]) => name === `Test ${second.accountId}`)![1];
      await dataOf(gateway.graphql(RESET, { input: { token: secondLink, password: 'reset in the second one' } }));
      await dataOf(gateway.graphql(LOGIN, { email, password: 'reset in the second one', accountId: second.accountId }));
      await dataOf(gateway.graphql(LOGIN, { email, password, accountId: first.accountId }));
    });
  });
}

describe('links expire (a controllable clock)', () => {
  let clock: ManualClock;
  const world = onboardingWorld('sqlite', {
    env: { INVITATION_TTL_HOURS: '48', PASSWORD_RESET_TTL_MINUTES: '30' },
    clock: () => (clock = new ManualClock(Date.now())),
  });

  it('an invitation works until INVITATION_TTL_HOURS, a reset link until PASSWORD_RESET_TTL_MINUTES, then never', async () => {
    const { gateway, mailTo } = world.get();
    const account = await gateway.newAccount();
    const invitee = `${uniqueName('late')}@example.org`;
    await dataOf(
      gateway.graphql(INVITE, { input: { email: invitee, role: 'MEMBER' } }, { token: account.tokens.admin }),
    );
    const invitation = linkToken(await mailTo(invitee), 'accept-invitation');
    await dataOf(gateway.graphql(REQUEST_RESET, { email: account.users.member.email }));
    const reset = linkToken(await mailTo(account.users.member.email), 'reset-password');

    clock.advance(30 * 60_000 - 1);
    expect((await dataOf(gateway.graphql(PREVIEW, { token: invitation }))).invitationPreview).not.toBeNull();
    clock.advance(1);
    expect(refusal(await gateway.graphql(RESET, { input: { token: reset, password: 'too late for this' } }))).toEqual({
      code: 'INVALID_TOKEN',
      field: 'input.token',
    });

    clock.advance(48 * HOUR - 30 * 60_000 - 1);
    expect((await dataOf(gateway.graphql(PREVIEW, { token: invitation }))).invitationPreview).not.toBeNull();
    clock.advance(1);
    expect((await dataOf(gateway.graphql(PREVIEW, { token: invitation }))).invitationPreview).toBeNull();
    expect(
      refusal(
        await gateway.graphql(ACCEPT, {
          input: { token: invitation, name: 'Too Late', password: 'a long enough secret' },
        }),
      ),
    ).toEqual({ code: 'INVALID_TOKEN', field: 'input.token' });
  });
});

describe('sign-up', () => {
  describe('closed by default', () => {
    const world = onboardingWorld('sqlite');

    it('answers SIGNUP_CLOSED and sends nothing', async () => {
      const { gateway, sink } = world.get();
      const answer = await gateway.graphql(SIGN_UP, {
        input: { accountName: 'Acme', name: 'Ada', email: 'ada@example.org', password: 'a long enough secret' },
      });
      expect(refusal(answer)).toEqual({ code: 'SIGNUP_CLOSED' });
      expect(sink.received).toEqual([]);
    });
  });

  for (const database of ['sqlite', 'mariadb'] as const) {
    (database === 'mariadb' ? describeWithMariaDb : describe)(`open (SIGNUP=open) on ${database}`, () => {
      const world = onboardingWorld(database, { env: { SIGNUP: 'open' } });

      it('opens an account whose admin signs in unverified until the e-mailed link, which works once', async () => {
        const { gateway, mailTo } = world.get();
        const email = `${uniqueName('founder')}@example.org`;
        const answer = await dataOf(
          gateway.graphql(SIGN_UP, {
            input: { accountName: 'Acme Facilities', name: 'Ada Lovelace', email, password: 'a long enough secret' },
          }),
        );
        expect(answer).toEqual({ signUp: { emailSent: true } });
        const mail = await mailTo(email);
        expect(mail.subject).toBe('Confirm your e-mail address for Dutyline');
        const token = linkToken(mail, 'verify-email');

        const { login } = await dataOf(gateway.graphql(LOGIN, { email, password: 'a long enough secret' }));
        expect(login.user.emailVerified).toBe(false);
        const { me } = await dataOf(gateway.graphql(ME, {}, { token: login.token }));
        world.forget(me.account.id);
        expect(me).toMatchObject({
          role: 'ADMIN',
          account: { name: 'Acme Facilities' },
          user: { email, emailVerified: false },
        });

        // A new link on request; once one link is used, none works.
        expect(await dataOf(gateway.graphql(SEND_VERIFICATION, {}, { token: login.token }))).toEqual({
          sendEmailVerification: true,
        });
        const again = linkToken(await mailTo(email, 2), 'verify-email');
        expect(await dataOf(gateway.graphql(VERIFY, { token: again }))).toEqual({ verifyEmail: true });
        expect((await dataOf(gateway.graphql(ME, {}, { token: login.token }))).me.user.emailVerified).toBe(true);
        expect(refusal(await gateway.graphql(VERIFY, { token: again }))).toEqual({
          code: 'INVALID_TOKEN',
          field: 'token',
        });
        expect(await dataOf(gateway.graphql(SEND_VERIFICATION, {}, { token: login.token }))).toEqual({
          sendEmailVerification: false,
        });
        expect(refusal(await gateway.graphql(VERIFY, { token }))).toEqual({ code: 'INVALID_TOKEN', field: 'token' });
        expectNotLogged(gateway, token, again);
      });

      it('answers an address in use exactly like a new one, and tells its owner instead of opening an account', async () => {
        const { gateway, mailTo } = world.get();
        const account = await gateway.newAccount();
        const { email } = account.users.member;
        const fresh = `${uniqueName('fresh')}@example.org`;
        const taken = await gateway.graphql(SIGN_UP, {
          input: {
            accountName: 'Copycat',
            name: 'Mallory',
            email: email.toUpperCase(),
            password: 'a long enough secret',
          },
        });
        const opened = await gateway.graphql(SIGN_UP, {
          input: { accountName: 'Copycat', name: 'Mallory', email: fresh, password: 'a long enough secret' },
        });
        expect([taken.status, taken.body]).toEqual([opened.status, opened.body]);
        const { login } = await dataOf(gateway.graphql(LOGIN, { email: fresh, password: 'a long enough secret' }));
        world.forget((await dataOf(gateway.graphql(ME, {}, { token: login.token }))).me.account.id);

        const notice = await mailTo(email);
        expect(notice.subject).toBe('Someone tried to sign up to Dutyline with your address');
        expect(notice.text).not.toMatch(/token=/);
        // Only the member's own account: the password given opened nothing.
        expect(refusal(await gateway.graphql(LOGIN, { email, password: 'a long enough secret' }))).toMatchObject({
          code: 'INVALID_CREDENTIALS',
        });
      });
    });
  }

  describe('limits', () => {
    const world = onboardingWorld('sqlite', { env: { SIGNUP: 'open' } });

    it('refuses a 4th sign-up for one e-mail and a 21st from one address within the hour, before looking at the input', async () => {
      const { gateway } = world.get();
      const input = (email: string) => ({ accountName: 'Acme', name: 'Ada', email, password: 'weak' });
      for (let i = 0; i < 3; i++)
        expect(refusal(await gateway.graphql(SIGN_UP, { input: input('ada@example.org') }))).toEqual({
          code: 'WEAK_PASSWORD',
          field: 'input.password',
        });
      const limited = await gateway.graphql(SIGN_UP, { input: input('ADA@example.org') });
      expect(refusal(limited)).toEqual({
        code: 'TOO_MANY_REQUESTS',
        field: undefined,
        details: { retryAfterSeconds: 3600 },
      });
      expect(limited.headers.get('retry-after')).toBe('3600');

      for (let i = 0; i < 17; i++)
        expect(refusal(await gateway.graphql(SIGN_UP, { input: input(`other${i}@example.org`) }))).toMatchObject({
          code: 'WEAK_PASSWORD',
        });
      expect(refusal(await gateway.graphql(SIGN_UP, { input: input('another@example.org') }))).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
      });
      // Reset requests are counted on their own.
      expect(await dataOf(gateway.graphql(REQUEST_RESET, { email: 'ada@example.org' }))).toEqual({
        requestPasswordReset: true,
      });
    });

    it('refuses a 4th reset request for one e-mail within the hour', async () => {
      const { gateway } = world.get();
      for (let i = 0; i < 3; i++)
        expect(await dataOf(gateway.graphql(REQUEST_RESET, { email: 'bob@example.org' }))).toEqual({
          requestPasswordReset: true,
        });
      const limited = await gateway.graphql(REQUEST_RESET, { email: 'Bob@Example.org' });
      expect(refusal(limited)).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 3600 } });
      expect(limited.headers.get('retry-after')).toBe('3600');
    });
  });
});

describeWithRedis('limits shared through Redis', () => {
  const gateways: GatewayHarness[] = [];
  afterEach(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
  });

  it('counts reset requests for one e-mail across two gateways on one REDIS_URL and prefix', async () => {
    const env = { REDIS_URL: redisUrl(), REDIS_PREFIX: uniqueName('onboarding') };
    for (let i = 0; i < 2; i++) gateways.push(await startGateway({ database: 'sqlite', env }));
    const [a, b] = gateways;
    const email = `${uniqueName('shared')}@example.org`;
    for (const gateway of [a, b, a])
      expect(await dataOf(gateway.graphql(REQUEST_RESET, { email }))).toEqual({ requestPasswordReset: true });
    expect(refusal(await b.graphql(REQUEST_RESET, { email }))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
