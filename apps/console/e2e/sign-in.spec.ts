import type { Browser } from 'playwright-core';
import { browserIt, describeInBrowser, launchBrowser, signIn, startDemoGateway, type DemoGateway } from './support/console-e2e';

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

  browserIt('the demo admin signs in, lands on the first hotline\'s schedule, keeps the session over a reload and signs out', () => browser, async (page) => {
    await signIn(page, gateway.url, gateway.admin.email, gateway.admin.password);
    await page.waitForURL(/\/hotlines\/[^/]+\/schedule$/);
    const hotlines = await gateway.graphql<{ hotlines: { edges: { node: { id: string } }[] } }>('{ hotlines(first: 1) { edges { node { id } } } }');
    expect(page.url()).toContain(`/hotlines/${hotlines.data!.hotlines.edges[0].node.id}/schedule`);

    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(page.url()).toMatch(/\/schedule$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  browserIt('a wrong password is refused with the server\'s message, and nothing is stored', () => browser, async (page) => {
    await page.goto(gateway.url);
    await page.getByLabel('E-mail').fill(gateway.admin.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('dutyline.session'))).toBeNull();
  });

  browserIt('a session the server no longer accepts goes back to sign-in with a message', () => browser, async (page) => {
    await signIn(page, gateway.url, gateway.admin.email, gateway.admin.password);
    // A token the server refuses (as after a revocation), still within its local expiry.
    await page.evaluate(() => {
      const stored = JSON.parse(window.localStorage.getItem('dutyline.session')!);
      window.localStorage.setItem('dutyline.session', JSON.stringify({ ...stored, token: `${stored.token.slice(0, -4)}AAAA` }));
    });
    await page.reload();
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  browserIt('follows the browser\'s language (French) and switches back to English', () => browser, async (page) => {
    await page.goto(gateway.url);
    await page.getByRole('heading', { name: 'Connexion à Dutyline' }).waitFor();
    await page.getByLabel('E-mail').fill(gateway.admin.email);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(gateway.admin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }, { locale: 'fr-FR' });
});
