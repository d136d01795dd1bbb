import type { Browser, Page } from 'playwright-core';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  newPage,
  PHONE,
  signIn,
  startDemoGateway,
  type DemoGateway,
  attemptEmail,
} from './support/console-e2e';
import { consoleLink, keepScreenshot, waitForMail } from './support/outbox-e2e';

/** Screenshots kept for a look (tmp/console-e2e/account-*.png). */
const keep = (page: Page, name: string) => keepScreenshot(page, `account-${name}`);

const sessionToken = (page: Page) =>
  page.evaluate(
    () => JSON.parse(window.localStorage.getItem('dutyline.session') ?? 'null')?.token as string | undefined,
  );

describeInBrowser('console: account pages', () => {
  let gateway: DemoGateway;
  let browser: Browser;

  /** A user made over GraphQL (the demo API key is an admin). */
  async function createUser(
    email: string,
    role: 'ADMIN' | 'SUPERVISOR' | 'MEMBER',
    { name = email.split('@')[0], password = 'first-password-42' }: { name?: string; password?: string } = {},
  ): Promise<string> {
    const created = await gateway.graphql<{ createUser: { id: string } }>(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: { email, name, password, role },
      },
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createUser.id;
  }
  const roleOf = async (token: string | undefined) =>
    (await gateway.graphql<{ me: { role: string } }>('{ me { role } }', {}, token)).data?.me.role;

  async function openAccount(page: Page, tab?: string): Promise<void> {
    // On a phone the navigation is behind the menu button.
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    if (tab) await page.getByRole('tab', { name: tab }).click();
  }

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    "an admin invites a person; the e-mail's link, opened in another browser, sets a name and password and signs in with the invited role; the link used again is refused",
    { browser: () => browser },
    async (page) => {
      await signIn(page, gateway.url, gateway.admin);
      await openAccount(page, 'Invitations');
      const form = page.getByRole('form', { name: 'Invite a person' });
      await form.getByRole('textbox', { name: 'E-mail' }).fill(attemptEmail('nadia.invited@example.test'));
      await form.getByRole('textbox', { name: 'Name (optional)' }).fill('Nadia');
      await form.getByRole('combobox', { name: 'Role' }).click();
      await page.getByRole('option', { name: 'Supervisor' }).click();
      const since = Date.now() - 1000;
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText(`Invitation sent to ${attemptEmail('nadia.invited@example.test')}.`).waitFor();
      const pending = page.getByRole('table', { name: 'Pending invitations' });
      await pending
        .getByRole('row')
        .filter({ hasText: attemptEmail('nadia.invited@example.test') })
        .filter({ hasText: 'Supervisor' })
        .waitFor();
      await keep(page, 'invitations-wide');

      const mail = await waitForMail(gateway, {
        to: attemptEmail('nadia.invited@example.test'),
        subject: 'invited',
        since,
      });
      const link = consoleLink(gateway, mail, 'accept-invitation');

      const invited = await newPage(browser);
      try {
        await invited.page.goto(link);
        await invited.page.getByRole('heading', { name: /^Join .+ on Dutyline$/ }).waitFor();
        await invited.page.getByText('You are invited as Supervisor.').waitFor();
        expect(await invited.page.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(
          attemptEmail('nadia.invited@example.test'),
        );
        await keep(invited.page, 'accept-wide');
        await invited.page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Invited');
        await invited.page.getByRole('textbox', { name: 'Choose a password' }).fill('nadia-chose-this-42');
        await invited.page.getByRole('button', { name: 'Join and sign in' }).click();
        await invited.page.getByRole('button', { name: 'Sign out' }).waitFor();
        await invited.page.waitForURL(/\/hotlines\/[^/]+\/schedule$/);
        expect(await roleOf(await sessionToken(invited.page))).toBe('SUPERVISOR');
      } finally {
        await invited.context.close();
      }

      // The invitation is used up: it leaves the admin's list, and its link is refused with words.
      await page.reload();
      await page.getByRole('heading', { name: 'Pending invitations' }).waitFor();
      await expectGone(page.getByText(attemptEmail('nadia.invited@example.test')));
      const again = await newPage(browser, { viewport: PHONE });
      try {
        await again.page.goto(link);
        await again.page.getByRole('alert').filter({ hasText: 'This invitation link is invalid' }).waitFor();
        expect(await again.page.getByRole('button', { name: 'Join and sign in' }).count()).toBe(0);
        await keep(again.page, 'accept-used-phone');
      } finally {
        await again.context.close();
      }
    },
  );

  browserIt(
    'an admin resends an invitation (the former link stops working) and revokes another',
    { browser: () => browser },
    async (page) => {
      for (const email of [attemptEmail('resend.me@example.test'), attemptEmail('revoke.me@example.test')]) {
        const invited = await gateway.graphql(
          'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
          { input: { email, role: 'MEMBER' } },
        );
        expect(invited.errors).toBeUndefined();
      }
      const first = consoleLink(
        gateway,
        await waitForMail(gateway, { to: attemptEmail('resend.me@example.test'), subject: 'invited' }),
        'accept-invitation',
      );
      await signIn(page, gateway.url, gateway.admin);
      await openAccount(page, 'Invitations');
      const since = Date.now() - 1000;
      await page
        .getByRole('button', { name: `Resend the invitation to ${attemptEmail('resend.me@example.test')}` })
        .click();
      await page.getByText(`Invitation sent again to ${attemptEmail('resend.me@example.test')}.`).waitFor();
      const second = consoleLink(
        gateway,
        await waitForMail(gateway, { to: attemptEmail('resend.me@example.test'), subject: 'invited', since }),
        'accept-invitation',
      );
      expect(second).not.toBe(first);

      await page
        .getByRole('button', { name: `Revoke the invitation of ${attemptEmail('revoke.me@example.test')}` })
        .click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke invitation' }).click();
      await expectGone(page.getByText(attemptEmail('revoke.me@example.test')));
      const left = await gateway.graphql<{ invitations: { email: string }[] }>('{ invitations { email } }');
      expect(left.data!.invitations.map((i) => i.email)).not.toContain(attemptEmail('revoke.me@example.test'));

      await page.goto(first);
      await page.getByRole('alert').filter({ hasText: 'This invitation link is invalid' }).waitFor();
      await page.goto(second);
      await page.getByRole('button', { name: 'Join and sign in' }).waitFor();
    },
  );

  browserIt(
    "forgot password: the same words for a known and an unknown address; the e-mail's link sets a new password; the sign-in page says so and takes it",
    { browser: () => browser },
    async (page) => {
      await createUser(attemptEmail('forgetful@example.test'), 'MEMBER');
      await page.goto(gateway.url);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await page.getByRole('textbox', { name: 'E-mail' }).fill('nobody.here@example.test');
      await page.getByRole('button', { name: 'Send the link' }).click();
      const words = 'If this address has an account, we sent a link to it.';
      await page.getByRole('status').filter({ hasText: words }).waitFor();

      await page.goto(`${gateway.url}/forgot-password`);
      await page.getByRole('textbox', { name: 'E-mail' }).fill(attemptEmail('forgetful@example.test'));
      const since = Date.now() - 1000;
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('status').filter({ hasText: words }).waitFor();
      await keep(page, 'forgot-sent-wide');

      const link = consoleLink(
        gateway,
        await waitForMail(gateway, { to: attemptEmail('forgetful@example.test'), subject: 'Reset', since }),
        'reset-password',
      );
      await page.goto(link);
      await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a-new-start-2027');
      await page.getByRole('textbox', { name: 'New password again' }).fill('a-new-start-2028');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('The two passwords differ.').waitFor();
      await page.getByRole('textbox', { name: 'New password again' }).fill('a-new-start-2027');
      await keep(page, 'reset-wide');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password is changed. Sign in with it.' }).waitFor();
      await page.getByLabel('E-mail').fill(attemptEmail('forgetful@example.test'));
      await page.getByRole('textbox', { name: 'Password' }).fill('a-new-start-2027');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();

      // The link worked once.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.goto(link);
      await page.getByRole('textbox', { name: 'New password', exact: true }).fill('yet-another-one-42');
      await page.getByRole('textbox', { name: 'New password again' }).fill('yet-another-one-42');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('alert').filter({ hasText: 'This link is invalid or has expired.' }).waitFor();
      await page.getByRole('link', { name: 'Send me a new link' }).waitFor();
    },
  );

  browserIt(
    "changing one's password on the Account page keeps this session and sends the other one back to sign-in",
    { browser: () => browser },
    async (page) => {
      await createUser(attemptEmail('changer@example.test'), 'MEMBER');
      const other = await newPage(browser);
      try {
        await signIn(other.page, gateway.url, {
          email: attemptEmail('changer@example.test'),
          password: 'first-password-42',
        });
        await signIn(page, gateway.url, { email: attemptEmail('changer@example.test'), password: 'first-password-42' });
        await openAccount(page);
        const form = page.getByRole('form', { name: 'Change password' });
        await form.getByRole('textbox', { name: 'Current password' }).fill('not-my-password');
        await form.getByRole('textbox', { name: 'New password' }).fill('second-password-42');
        await form.getByRole('button', { name: 'Change password' }).click();
        // The server's refusal at the field it names.
        await form.getByText('Wrong', { exact: false }).first().waitFor();
        await form.getByRole('textbox', { name: 'Current password' }).fill('first-password-42');
        await form.getByRole('button', { name: 'Change password' }).click();
        await page.getByText('Your password is changed. Your other sessions are signed out.').waitFor();
        // This session carries on with the fresh token.
        await page.getByRole('link', { name: 'Directory' }).click();
        await page.getByRole('heading', { name: 'Directory' }).waitFor();
        expect(await roleOf(await sessionToken(page))).toBe('MEMBER');

        await other.page.getByRole('link', { name: 'Directory' }).click();
        await other.page.getByText('Your session has ended. Please sign in again.').waitFor();
        await signIn(other.page, gateway.url, {
          email: attemptEmail('changer@example.test'),
          password: 'second-password-42',
        });
      } finally {
        await other.context.close();
      }
    },
  );

  browserIt(
    'an admin creates an API key and sees its secret once (it works), then revokes it (it is refused)',
    { browser: () => browser },
    async (page) => {
      await signIn(page, gateway.url, gateway.admin);
      await openAccount(page, 'API keys');
      const form = page.getByRole('form', { name: 'Create an API key' });
      await form.getByRole('textbox', { name: 'What it is for' }).fill('PBX integration');
      await form.getByRole('button', { name: 'Create key' }).click();
      const secretBox = page.getByRole('textbox', { name: 'Secret key' });
      await secretBox.waitFor();
      await page.getByText('it will not be shown again').waitFor();
      await page.getByRole('button', { name: 'Copy' }).waitFor();
      const secret = await secretBox.inputValue();
      expect(await roleOf(secret)).toBe('MEMBER');
      await keep(page, 'api-key-secret-wide');
      const row = page.getByRole('table', { name: 'Keys' }).getByRole('row').filter({ hasText: 'PBX integration' });
      await row.waitFor();

      // Shown once: gone after a reload, only the prefix stays.
      await page.reload();
      await page.getByRole('table', { name: 'Keys' }).getByRole('row').filter({ hasText: 'PBX integration' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Secret key' }).count()).toBe(0);
      expect(await page.content()).not.toContain(secret);

      await page.getByRole('button', { name: 'Revoke the key PBX integration' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
      await page
        .getByRole('table', { name: 'Keys' })
        .getByRole('row')
        .filter({ hasText: 'PBX integration' })
        .filter({ hasText: 'Revoked' })
        .waitFor();
      expect(await roleOf(secret)).toBeUndefined();
    },
  );

  browserIt(
    'an admin sees users with their roles; making the only admin a member is refused in words; a role change takes',
    { browser: () => browser },
    async (page) => {
      await createUser(attemptEmail('promoted@example.test'), 'MEMBER', { name: 'Paul Promoted' });
      await signIn(page, gateway.url, gateway.admin);
      await openAccount(page, 'Users');
      const me = await gateway.graphql<{ users: { edges: { node: { name: string; email: string; role: string } }[] } }>(
        '{ users(first: 100) { edges { node { name email role } } } }',
      );
      const admins = me.data!.users.edges.filter((e) => e.node.role === 'ADMIN');
      const adminName = me.data!.users.edges.find((e) => e.node.email === gateway.admin.email)!.node.name;
      expect(admins).toHaveLength(1);
      await page.getByRole('combobox', { name: `Role of ${adminName}` }).click();
      await page.getByRole('option', { name: 'Member' }).click();
      await page.getByText('The account must keep at least one admin: make someone else admin first.').waitFor();
      expect(await page.getByRole('combobox', { name: `Role of ${adminName}` }).inputValue()).toBe('Admin');
      await page.getByRole('combobox', { name: 'Role of Paul Promoted' }).click();
      await page.getByRole('option', { name: 'Supervisor' }).click();
      await page.getByText('Paul Promoted is now Supervisor.').waitFor();
      const after = await gateway.graphql<{ users: { edges: { node: { email: string; role: string } }[] } }>(
        '{ users(first: 100) { edges { node { email role } } } }',
      );
      expect(
        after.data!.users.edges.find((e) => e.node.email === attemptEmail('promoted@example.test'))?.node.role,
      ).toBe('SUPERVISOR');
      await keep(page, 'users-wide');

      await openAccount(page, 'Audit log');
      await page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1).waitFor();
      await keep(page, 'audit-wide');
    },
  );

  browserIt(
    'a member sees their profile and the password form only: no users, invitations, API keys or audit log',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      await createUser(attemptEmail('just.member@example.test'), 'MEMBER');
      await signIn(page, gateway.url, {
        email: attemptEmail('just.member@example.test'),
        password: 'first-password-42',
      });
      await openAccount(page);
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      await page.getByRole('form', { name: 'Change password' }).waitFor();
      expect(await page.getByRole('tab').count()).toBe(0);
      for (const name of ['Users', 'Invitations', 'API keys', 'Audit log'])
        expect(await page.getByRole('heading', { name }).count()).toBe(0);
      await page.goto(`${gateway.url}/account?tab=apiKeys`);
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      expect(await page.getByRole('form', { name: 'Create an API key' }).count()).toBe(0);
      await keep(page, 'member-phone');
    },
  );

  browserIt('a supervisor sees the audit log but not the users', { browser: () => browser }, async (page) => {
    await createUser(attemptEmail('just.supervisor@example.test'), 'SUPERVISOR');
    await signIn(page, gateway.url, {
      email: attemptEmail('just.supervisor@example.test'),
      password: 'first-password-42',
    });
    await openAccount(page, 'Audit log');
    await page.getByRole('table', { name: 'Audit log' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
  });

  browserIt(
    'sign-up answers SIGNUP_CLOSED in words when the operator has not opened it',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      await page.goto(gateway.url);
      await page.getByRole('link', { name: /Open an account/ }).click();
      await page.getByRole('textbox', { name: 'Organisation' }).fill('Closed Co');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Someone');
      await page.getByRole('textbox', { name: 'E-mail' }).fill('someone@closed.example');
      await page.getByRole('textbox', { name: 'Password' }).fill('closed-door-42');
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page.getByRole('alert').filter({ hasText: 'Sign-up is closed on this server.' }).waitFor();
      await keep(page, 'sign-up-closed-phone');
    },
  );

  browserIt(
    "in French on a phone: the forgotten-password page and the admin's Account page",
    { browser: () => browser, viewport: PHONE, locale: 'fr-FR' },
    async (page) => {
      await page.goto(gateway.url);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByRole('heading', { name: 'Mot de passe oublié ?' }).waitFor();
      await keep(page, 'forgot-fr-phone');
      await page.getByRole('link', { name: 'Retour à la connexion' }).click();
      await page.getByRole('heading', { name: 'Connexion à Dutyline' }).waitFor();
      await page.getByLabel('E-mail').fill(gateway.admin.email);
      await page.getByRole('textbox', { name: 'Mot de passe' }).fill(gateway.admin.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Compte' }).click();
      await page.getByRole('heading', { name: 'Mon profil' }).waitFor();
      await page.getByRole('tab', { name: 'Clés d’API' }).click();
      await page.getByRole('form', { name: 'Créer une clé d’API' }).waitFor();
      await keep(page, 'api-keys-fr-phone');
    },
  );
});

/** Waits until nothing matches (a row that leaves a list). */
async function expectGone(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.first().waitFor({ state: 'detached' });
}
