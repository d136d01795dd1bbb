import type { Browser, Page } from 'playwright-core';
import { dragOnto, keepScreenshot, moveByKeyboard, signInAsNewMember } from './support/directory-e2e';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  PHONE,
  signIn,
  startDemoGateway,
  type DemoGateway,
} from './support/console-e2e';

const DEMO = 'Maintenance (astreinte)';

interface ServerHotline {
  name: string;
  number: string;
  timeZone: string;
  language: string;
  callerIdMode: string;
  requireAnswerConfirmation: boolean;
  greeting: { kind: string; text: string | null; audioUrl: string | null } | null;
  supervisors: { name: string }[];
  scenario: { kind: string; message: { text: string | null } | null }[];
  serviceHours: { always: boolean; windows: { days: string[]; start: string; end: string }[] };
}

describeInBrowser('console: hotlines and their settings', () => {
  let gateway: DemoGateway;
  let browser: Browser;
  let hotlineId: string;
  let demoSettings: Record<string, unknown>;

  async function hotline(id = hotlineId): Promise<ServerHotline | null> {
    const answer = await gateway.graphql<{ hotline: ServerHotline | null }>(
      `query ($id: ID!) { hotline(id: $id) {
        name number timeZone language callerIdMode requireAnswerConfirmation
        greeting { kind text audioUrl } supervisors { name } scenario { kind message { text } }
        serviceHours { always windows { days start end } }
      } }`,
      { id },
    );
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.hotline;
  }

  async function restoreDemoSettings(): Promise<void> {
    const answer = await gateway.graphql(
      'mutation ($input: UpdateHotlineInput!) { updateHotline(input: $input) { id } }',
      { input: demoSettings },
    );
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  }

  async function openSettings(page: Page): Promise<void> {
    await signIn(page, gateway.url, gateway.admin);
    await page.goto(`${gateway.url}/hotlines`);
    await page.getByRole('link', { name: `Settings of ${DEMO}` }).click();
    await page.getByRole('heading', { name: `Settings: ${DEMO}` }).waitFor();
  }

  async function saveSettings(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`${DEMO} saved.`).waitFor();
  }

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway(), launchBrowser()]);
    const answer = await gateway.graphql<{ hotlines: { edges: { node: { id: string } }[] } }>(
      '{ hotlines(first: 1) { edges { node { id } } } }',
    );
    hotlineId = answer.data!.hotlines.edges[0].node.id;
    const demo = await gateway.graphql<{
      hotline: { timeZone: string; supervisors: { id: string }[]; serviceHours: ServerHotline['serviceHours'] };
    }>(
      'query ($id: ID!) { hotline(id: $id) { timeZone supervisors { id } serviceHours { always windows { days start end } } } }',
      {
        id: hotlineId,
      },
    );
    const { timeZone, supervisors, serviceHours } = demo.data!.hotline;
    demoSettings = { id: hotlineId, timeZone, supervisorIds: supervisors.map((s) => s.id), serviceHours };
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    'changes the time zone, the supervisors and their order (by drag) and the service hours: all on the server',
    { browser: () => browser },
    async (page) => {
      await restoreDemoSettings(); // a retry starts from the demo's settings, not from what the last try saved
      await openSettings(page);
      const zone = page.getByRole('combobox', { name: 'Time zone' });
      await zone.click();
      await zone.fill('New_York');
      await page.getByRole('option', { name: /^America\/New_York / }).click();
      await page.getByText('On save, the schedule keeps its wall-clock times in the new zone.').waitFor();

      const supervisors = page.getByRole('list', { name: 'Supervisors, in ringing order' });
      await page.getByRole('combobox', { name: 'Add a supervisor' }).click();
      await page.getByRole('option', { name: 'Hugo Durand' }).click();
      await supervisors.getByText('Hugo Durand').waitFor();
      await dragOnto(
        page,
        supervisors.getByRole('button', { name: 'Move Hugo Durand', exact: true }),
        supervisors.getByRole('button', { name: 'Move Camille Martin', exact: true }),
      );
      await supervisors.getByRole('listitem').first().getByText('Hugo Durand').waitFor();

      await page.getByRole('radio', { name: 'On weekly hours' }).check();
      const weekdays = page.getByRole('group', { name: 'Hours 1' });
      // A chip's checkbox is hidden behind its visible label (Fri), which a user clicks.
      await weekdays.getByText('Fri', { exact: true }).click();
      expect(await weekdays.getByRole('checkbox', { name: 'Friday' }).isChecked()).toBe(false);
      await weekdays.getByLabel('To').fill('20:00');
      await page.getByRole('button', { name: 'Add hours' }).click();
      const saturday = page.getByRole('group', { name: 'Hours 2' });
      await saturday.getByText('Sat', { exact: true }).click();
      expect(await saturday.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(true);
      await saturday.getByLabel('From').fill('09:00');
      await saturday.getByLabel('To').fill('13:00');
      await keepScreenshot(page, 'hotline-settings-wide', true);
      await saveSettings(page);

      const saved = (await hotline())!;
      expect(saved.timeZone).toBe('America/New_York');
      expect(saved.supervisors.map((s) => s.name)).toEqual(['Hugo Durand', 'Camille Martin']);
      expect(saved.serviceHours).toEqual({
        always: false,
        windows: [
          { days: ['MON', 'TUE', 'WED', 'THU'], start: '08:00', end: '20:00' },
          { days: ['SAT'], start: '09:00', end: '13:00' },
        ],
      });

      // The supervisors back in their first order by keyboard (handle, Space, arrow, Space), and 24/7 again.
      await page.reload();
      await page.getByRole('heading', { name: `Settings: ${DEMO}` }).waitFor();
      await moveByKeyboard(page, supervisors.getByRole('button', { name: 'Move Camille Martin', exact: true }), {
        arrow: 'ArrowUp',
      });
      await supervisors.getByRole('listitem').first().getByText('Camille Martin').waitFor();
      await page.getByRole('radio', { name: 'Always (24/7)' }).check();
      await saveSettings(page);
      const again = (await hotline())!;
      expect(again.supervisors.map((s) => s.name)).toEqual(['Camille Martin', 'Hugo Durand']);
      expect(again.serviceHours).toEqual({ always: true, windows: [] });
    },
  );

  browserIt(
    'press 1, caller id, greeting and the no-answer scenario reach the server; its refusals show at their fields',
    { browser: () => browser },
    async (page) => {
      await openSettings(page);
      await page.getByRole('switch', { name: 'The person rung presses 1 to take the call' }).uncheck({ force: true });
      await page.getByRole('radio', { name: 'The caller’s number' }).check();
      const greeting = page.getByRole('group', { name: 'Greeting', exact: true });
      await greeting.getByText('Audio file').click();
      await greeting.getByRole('textbox', { name: 'Greeting: audio URL' }).fill('ftp://example.com/hello.mp3');

      // Step 2 becomes a message, then goes first: the server refuses the order, and a greeting that is no http URL.
      const step2 = page.getByRole('group', { name: /^Step 2:/ });
      await step2.getByRole('combobox', { name: 'Step 2' }).click();
      await page.getByRole('option', { name: 'Play a message and hang up' }).click();
      await page.getByRole('textbox', { name: 'Message of step 2: text' }).fill('Nous sommes fermés, rappelez demain.');
      await page.getByRole('button', { name: 'Move Play a message and hang up up' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'a scenario ends with exactly one voicemail or message step' })
        .waitFor();

      await page.getByRole('button', { name: 'Move Play a message and hang up down' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const url = page.getByRole('textbox', { name: 'Greeting: audio URL' });
      await greeting.getByText('"ftp://example.com/hello.mp3" is not an http(s) URL').waitFor();
      expect(await url.getAttribute('aria-invalid')).toBe('true');

      await url.fill('https://example.com/hello.mp3');
      await page.getByRole('textbox', { name: 'Hotline number' }).fill('not a number');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const number = page.getByRole('textbox', { name: 'Hotline number' });
      await page.getByText('"not a number" is not an E.164 number such as +33612345678').waitFor();
      expect(await number.getAttribute('aria-invalid')).toBe('true');
      await number.fill(gateway.demoHotlineNumber);
      await saveSettings(page);

      const saved = (await hotline())!;
      expect(saved).toMatchObject({
        requireAnswerConfirmation: false,
        callerIdMode: 'CALLER',
        greeting: { kind: 'AUDIO', audioUrl: 'https://example.com/hello.mp3', text: null },
        scenario: [
          { kind: 'SUPERVISORS', message: null },
          { kind: 'MESSAGE', message: { text: 'Nous sommes fermés, rappelez demain.' } },
        ],
        number: gateway.demoHotlineNumber,
      });
    },
  );

  browserIt(
    'lists the hotlines, creates one (opening its settings) and deletes it after a confirmation',
    { browser: () => browser },
    async (page) => {
      await signIn(page, gateway.url, gateway.admin);
      await page.goto(`${gateway.url}/hotlines`);
      const demo = page.getByRole('list', { name: 'Hotlines' }).getByRole('listitem', { name: DEMO });
      await demo.getByText(gateway.demoHotlineNumber).waitFor();
      // The zone as the server has it now (another test moves it), with its offset, and the language.
      const { timeZone, language } = (await hotline())!;
      await demo
        .getByText(new RegExp(`^${timeZone.replace('/', '\\/')} \\(UTC[+-]\\d\\d:\\d\\d\\) · ${language}$`))
        .waitFor();
      expect(await demo.getByRole('link', { name: `Schedule of ${DEMO}` }).getAttribute('href')).toBe(
        `/hotlines/${hotlineId}/schedule`,
      );

      await page.getByRole('button', { name: 'New hotline' }).click();
      const dialog = page.getByRole('dialog', { name: 'New hotline' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Night line');
      await dialog.getByRole('textbox', { name: 'Hotline number' }).fill('+33184800099');
      const zone = dialog.getByRole('combobox', { name: 'Time zone' });
      await zone.click();
      await zone.fill('Brussels');
      await page.getByRole('option', { name: /^Europe\/Brussels / }).click();
      await dialog.getByRole('button', { name: 'Create hotline' }).click();
      await page.getByRole('heading', { name: 'Settings: Night line' }).waitFor();
      const id = /\/hotlines\/([^/]+)\/settings$/.exec(page.url())![1];
      expect(await hotline(id)).toMatchObject({
        name: 'Night line',
        number: '+33184800099',
        timeZone: 'Europe/Brussels',
        language: 'en-GB',
      });

      await page.getByRole('button', { name: 'Delete hotline' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete hotline' }).click();
      await page.waitForURL(/\/hotlines$/);
      await page.getByRole('listitem', { name: DEMO }).waitFor();
      expect(await page.getByRole('listitem', { name: 'Night line' }).count()).toBe(0);
      expect(await hotline(id)).toBeNull();
    },
  );

  browserIt(
    'a member sees the settings read only: inputs disabled, no save, no delete',
    { browser: () => browser },
    async (page) => {
      await signInAsNewMember(page, gateway, 'reader@demo.dutyline.example');
      await page.goto(`${gateway.url}/hotlines`);
      await page.getByText('Read only: your role cannot change this.').waitFor();
      expect(await page.getByRole('button', { name: 'New hotline' }).count()).toBe(0);
      await page.getByRole('link', { name: `Settings of ${DEMO}` }).click();
      await page.getByRole('heading', { name: `Settings: ${DEMO}` }).waitFor();
      await page.getByText('Read only: your role cannot change this.').waitFor();
      expect(await page.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Time zone' }).isDisabled()).toBe(true);
      for (const name of ['Save', 'Delete hotline', 'Add a step', 'Move Camille Martin']) {
        expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
      }
    },
  );

  browserIt(
    'on a phone the settings fill the width and the save bar stays in reach',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      await openSettings(page);
      const name = page.getByRole('textbox', { name: 'Name' });
      expect((await name.boundingBox())!.width).toBeGreaterThan(PHONE.width - 80);
      await keepScreenshot(page, 'hotline-settings-phone');
      await page.getByRole('textbox', { name: 'Name' }).fill(`${DEMO}!`);
      const save = page.getByRole('button', { name: 'Save', exact: true });
      const box = (await save.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      await page.getByRole('heading', { name: 'Service hours' }).scrollIntoViewIfNeeded();
      await keepScreenshot(page, 'hotline-settings-phone-hours');
    },
  );
});
