import type { Browser } from 'playwright-core';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  signIn,
  startDemoGateway,
  type DemoGateway,
} from './support/console-e2e';

describeInBrowser('console: signing in', () => {
  let gateway: DemoGateway;
  let browser: Browser;

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway({ AUTH_TOKEN_TTL_SECONDS: '60' }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    "the demo admin signs in, lands on the first hotline's schedule, keeps the session over a reload and signs out, ending the token on the server",
    { browser: () => browser },
    async (page) => {
      await signIn(page, gateway.url, { ...gateway.admin, reuse: false });
      await page.waitForURL(/\/hotlines\/[^/]+\/schedule$/);
      const hotlines = await gateway.graphql<{ hotlines: { edges: { node: { id: string } }[] } }>(
        '{ hotlines(first: 1) { edges { node { id } } } }',
      );
      expect(page.url()).toContain(`/hotlines/${hotlines.data!.hotlines.edges[0].node.id}/schedule`);

      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(page.url()).toMatch(/\/schedule$/);

      const token = await page.evaluate(
        () => JSON.parse(window.localStorage.getItem('dutyline.session')!).token as string,
      );
      expect((await gateway.graphql('{ me { role } }', {}, token)).data).toEqual({ me: { role: 'ADMIN' } });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      // Signed out on the server too: the token no longer opens anything.
      expect((await gateway.graphql('{ me { role } }', {}, token)).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      await page.reload();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    },
  );

  browserIt(
    "a wrong password is refused with the server's message, and nothing is stored",
    { browser: () => browser },
    async (page) => {
      await page.goto(gateway.url);
      await page.getByLabel('E-mail').fill(gateway.admin.email);
      await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
      expect(await page.evaluate(() => window.localStorage.getItem('dutyline.session'))).toBeNull();
    },
  );

  browserIt(
    'a session ended elsewhere (a password change) goes back to sign-in with a message',
    { browser: () => browser },
    async (page) => {
      await signIn(page, gateway.url, gateway.admin);
      const login = await gateway.graphql<{ login: { token: string } }>(
        `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        { e: gateway.admin.email, p: gateway.admin.password },
      );
      const change = `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token } }`;
      const changed = await gateway.graphql<{ changePassword: { token: string } }>(
        change,
        { current: gateway.admin.password, next: 'a brand new passphrase' },
        login.data!.login.token,
      );
      // Back to the demo password for the other tests; every session opened before the first change stays ended.
      await gateway.graphql(
        change,
        { current: 'a brand new passphrase', next: gateway.admin.password },
        changed.data!.changePassword.token,
      );

      await page.getByRole('link', { name: 'Directory' }).click();
      await page.getByText('Your session has ended. Please sign in again.').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => window.localStorage.getItem('dutyline.session'))).toBeNull();
    },
  );

  browserIt(
    "follows the browser's language (French) and switches back to English",
    { browser: () => browser, locale: 'fr-FR' },
    async (page) => {
      await page.goto(gateway.url);
      await page.getByRole('heading', { name: 'Connexion à Dutyline' }).waitFor();
      await page.getByLabel('E-mail').fill(gateway.admin.email);
      await page.getByRole('textbox', { name: 'Mot de passe' }).fill(gateway.admin.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
  );
});
