import type { Browser } from 'playwright-core';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  PHONE,
  signIn,
  startDemoGateway,
  type DemoGateway,
} from './support/console-e2e';
import { consoleLink, keepScreenshot, waitForMail } from './support/outbox-e2e';

// Its own gateway: sign-up is open here (SIGNUP=open), closed in account.spec.ts.
describeInBrowser('console: self-service sign-up and e-mail verification', () => {
  let gateway: DemoGateway;
  let browser: Browser;

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway({ SIGNUP: 'open' }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    'a newcomer opens an account from the sign-in page, signs in under the unverified banner, asks for a new link, and the link verifies the address once',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      const email = 'founder@newco.example';
      await page.goto(gateway.url);
      await page.getByRole('link', { name: 'New to Dutyline? Open an account' }).click();
      await page.getByRole('textbox', { name: 'Organisation' }).fill('Newco Facilities');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Fanny Founder');
      await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await page.getByRole('textbox', { name: 'Password' }).fill('founding-secret-42');
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Your account is open.' })
        .filter({ hasText: `We sent a link to ${email}` })
        .waitFor();
      await keepScreenshot(page, 'account-sign-up-done-phone');
      const firstLink = consoleLink(
        gateway,
        await waitForMail(gateway, { to: email, subject: 'Confirm your e-mail' }),
        'verify-email',
      );

      await page.getByRole('link', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await signIn(page, gateway.url, { email, password: 'founding-secret-42' });
      const banner = page.getByRole('status').filter({ hasText: `Your e-mail address ${email} is not verified yet` });
      await banner.waitFor();
      await keepScreenshot(page, 'account-unverified-banner-phone');
      await banner.getByRole('link', { name: 'Send a new link' }).click();
      await page.getByRole('heading', { name: 'My profile' }).waitFor();
      await page.getByText('Not verified', { exact: true }).waitFor();
      const since = Date.now() - 1000;
      await page.getByRole('button', { name: 'Send the link again' }).click();
      await page.getByText(`We sent a new link to ${email}.`).waitFor();
      const secondLink = consoleLink(
        gateway,
        await waitForMail(gateway, { to: email, subject: 'Confirm your e-mail', since }),
        'verify-email',
      );
      expect(secondLink).not.toBe(firstLink);

      await page.goto(secondLink);
      await page.getByRole('status').filter({ hasText: 'Your e-mail address is verified.' }).waitFor();
      await page.getByRole('link', { name: 'Open the console' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.getByText('is not verified yet').count()).toBe(0);

      // A link works once.
      await page.goto(secondLink);
      await page.getByRole('alert').filter({ hasText: 'This verification link is invalid or has expired.' }).waitFor();
    },
  );
});
