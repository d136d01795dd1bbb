import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { keepScreenshot, signInAsNewMember } from './support/directory-e2e';
import {
  attemptEmail,
  browserIt,
  describeInBrowser,
  launchBrowser,
  PHONE,
  signIn,
  startDemoGateway,
  type DemoGateway,
} from './support/console-e2e';

const ZONE = 'Europe/Paris';
const WALL = "yyyy-LL-dd'T'HH:mm";

interface ServerAlertSettings {
  enabled: boolean;
  minutesBefore: number;
  channels: string[];
  acknowledge: { withinMinutes: number } | null;
}

/** The server's answer once `done` holds (a save the page makes in the background), or the last one after 10 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeInBrowser('console: ringing strategies and shift-start alerts (issue #12)', () => {
  let gateway: DemoGateway;
  let browser: Browser;
  let people: Record<string, string>;
  let teams: Record<string, string>;
  let hotlines = 0;

  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await gateway.graphql<T>(query, variables);
    if (!answer.data || answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  }

  /**
   * A hotline of the test's own, in Paris, with one slot around now: level 1 Julie Moreau, level 2 the
   * maintenance team (two people).
   */
  async function ownHotline(name: string): Promise<string> {
    const number = `+331849${String((Date.now() + ++hotlines) % 100_000).padStart(5, '0')}`;
    const { createHotline } = await ask<{ createHotline: { id: string } }>(
      'mutation ($input: CreateHotlineInput!) { createHotline(input: $input) { id } }',
      { input: { name, number, timeZone: ZONE } },
    );
    const now = DateTime.now().setZone(ZONE).startOf('hour');
    await ask('mutation ($input: CreateSlotsInput!) { createSlots(input: $input) { version } }', {
      input: {
        hotlineId: createHotline.id,
        slots: [
          {
            start: now.minus({ hours: 1 }).toFormat(WALL),
            end: now.plus({ hours: 4 }).toFormat(WALL),
            assignees: [
              { kind: 'PERSON', id: people['Julie Moreau'] },
              { kind: 'TEAM', id: teams['Équipe maintenance'] },
            ],
          },
        ],
      },
    });
    return createHotline.id;
  }

  const strategiesOf = (id: string) =>
    ask<{ hotline: { levelStrategies: string[] } }>('query ($id: ID!) { hotline(id: $id) { levelStrategies } }', {
      id,
    }).then((d) => d.hotline.levelStrategies);
  const alertSettingsOf = (id: string) =>
    ask<{ shiftAlertSettings: ServerAlertSettings }>(
      'query ($id: ID!) { shiftAlertSettings(hotlineId: $id) { enabled minutesBefore channels acknowledge { withinMinutes } } }',
      { id },
    ).then((d) => d.shiftAlertSettings);

  async function openSettings(page: Page, id: string, name: string): Promise<void> {
    await page.goto(`${gateway.url}/hotlines/${id}/settings`);
    await page.getByRole('heading', { name: `Settings: ${name}` }).waitFor();
  }
  const level = (page: Page, n: number) => page.getByRole('radiogroup', { name: `Level ${n}`, exact: true });

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway(), launchBrowser()]);
    const answer = await ask<{
      people: { edges: { node: { id: string; name: string } }[] };
      teams: { edges: { node: { id: string; name: string } }[] };
    }>('{ people(first: 100) { edges { node { id name } } } teams(first: 100) { edges { node { id name } } } }');
    people = Object.fromEntries(answer.people.edges.map((e) => [e.node.name, e.node.id]));
    teams = Object.fromEntries(answer.teams.edges.map((e) => [e.node.name, e.node.id]));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    'sets level 1 balanced and level 2 all at once: the server has them, the call path shows the team rung together',
    { browser: () => browser },
    async (page) => {
      const name = `Ringing ${Date.now()}`;
      const id = await ownHotline(name);
      await signIn(page, gateway.url, gateway.admin);
      await openSettings(page, id, name);
      expect(await level(page, 1).getByRole('radio', { name: 'In order' }).isChecked()).toBe(true);
      await level(page, 2).getByRole('radio', { name: 'All at once' }).check();
      await level(page, 1).getByRole('radio', { name: 'Balanced' }).check();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`${name} saved.`).waitFor();
      // Level 3 stays in order: trailing in-order levels are not stored.
      expect(await strategiesOf(id)).toEqual(['BALANCED', 'ALL_AT_ONCE']);

      await page.reload();
      await level(page, 2).waitFor();
      expect(await level(page, 2).getByRole('radio', { name: 'All at once' }).isChecked()).toBe(true);

      await page.goto(`${gateway.url}/hotlines/${id}/schedule`);
      const callPath = page.getByRole('list', { name: 'Call path' });
      await callPath.getByRole('listitem').first().waitFor();
      const names = await callPath
        .getByRole('listitem')
        .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
      expect(names[0]).toMatch(/^1\. Julie Moreau \(level 1\), /);
      const together = names.filter((n) => n.includes('rung together'));
      expect(together).toEqual([
        expect.stringMatching(/^2\. Lucas Bernard \(level 2, Équipe maintenance, rung together\), /),
        expect.stringMatching(/^3\. Chloé Petit \(level 2, Équipe maintenance, rung together\), /),
      ]);
      await keepScreenshot(page, 'hotline-routing-call-path');
    },
  );

  browserIt(
    'sets a person’s simultaneous calls: 25 is refused at the field, 3 is saved on the server',
    { browser: () => browser },
    async (page) => {
      const name = `Cap ${Date.now()}`;
      const { createPerson } = await ask<{ createPerson: { id: string } }>(
        'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
        { input: { name, contactNumbers: [{ number: '+33611111111' }] } },
      );
      const capOf = () =>
        ask<{ person: { maxSimultaneousCalls: number } }>(
          'query ($id: ID!) { person(id: $id) { maxSimultaneousCalls } }',
          { id: createPerson.id },
        ).then((d) => d.person.maxSimultaneousCalls);
      await signIn(page, gateway.url, gateway.admin);
      await page.goto(`${gateway.url}/directory`);
      await page.getByRole('button', { name: `Edit ${name}` }).click();
      const dialog = page.getByRole('dialog');
      const calls = dialog.getByRole('textbox', { name: 'Simultaneous calls' });
      expect(await calls.inputValue()).toBe('1');
      await calls.fill('25');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('a whole number from 1 to 20').waitFor();
      expect(await calls.getAttribute('aria-invalid')).toBe('true');
      expect(await capOf()).toBe(1);

      await calls.fill('3');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await capOf()).toBe(3);
    },
  );

  browserIt(
    'turns shift-start alerts on: a refusal is shown at its field, then the corrected settings are on the server',
    { browser: () => browser },
    async (page) => {
      const name = `Alerts ${Date.now()}`;
      const id = await ownHotline(name);
      await signIn(page, gateway.url, gateway.admin);
      await openSettings(page, id, name);
      await page.getByRole('switch', { name: 'Send shift-start alerts' }).check();
      const minutes = page.getByRole('textbox', { name: 'Minutes before the duty starts' });
      await minutes.fill('2000');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(/minutesBefore is a whole number of minutes from 1 to 1440/).waitFor();
      expect(await minutes.getAttribute('aria-invalid')).toBe('true');
      expect((await alertSettingsOf(id)).enabled).toBe(false);

      await minutes.fill('45');
      // SMS is the default channel: e-mail instead.
      await page.getByRole('checkbox', { name: 'E-mail' }).check();
      await page.getByRole('checkbox', { name: 'SMS' }).uncheck();
      await page.getByRole('switch', { name: 'Ask for an acknowledgement' }).check();
      await page.getByRole('textbox', { name: 'Acknowledge within (minutes)' }).fill('20');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`${name} saved.`).waitFor();
      expect(await alertSettingsOf(id)).toEqual({
        enabled: true,
        minutesBefore: 45,
        channels: ['EMAIL'],
        acknowledge: { withinMinutes: 20 },
      });
      await page.getByRole('heading', { name: 'Recent and upcoming alerts' }).waitFor();

      // Off again: only that is sent, the other settings stay as they were.
      await page.getByRole('switch', { name: 'Send shift-start alerts' }).uncheck();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      expect(
        await eventually(
          () => alertSettingsOf(id),
          (saved) => !saved.enabled,
        ),
      ).toMatchObject({
        enabled: false,
        minutesBefore: 45,
      });
    },
  );

  browserIt(
    'lists the alert sent for a duty starting within the minutes before, in the hotline’s zone',
    { browser: () => browser },
    async (page) => {
      const name = `Alert list ${Date.now()}`;
      const id = await ownHotline(name);
      // Hugo Durand (on no duty before) goes on duty right after the slot around now.
      const next = DateTime.now().setZone(ZONE).startOf('hour').plus({ hours: 4 });
      await ask('mutation ($input: CreateSlotsInput!) { createSlots(input: $input) { version } }', {
        input: {
          hotlineId: id,
          slots: [
            {
              start: next.toFormat(WALL),
              end: next.plus({ hours: 2 }).toFormat(WALL),
              assignees: [{ kind: 'PERSON', id: people['Hugo Durand'] }],
            },
          ],
        },
      });
      await ask(
        'mutation ($input: UpdateShiftAlertSettingsInput!) { updateShiftAlertSettings(input: $input) { enabled } }',
        { input: { hotlineId: id, enabled: true, minutesBefore: 300, channels: ['EMAIL'] } },
      );
      await signIn(page, gateway.url, gateway.admin);
      const duty = `Hugo Durand · level 1 · ${next.setLocale('en-GB').toFormat('ccc d LLL HH:mm')} – ${next
        .plus({ hours: 2 })
        .setLocale('en-GB')
        .toFormat('ccc d LLL HH:mm')}`;
      const list = page.getByRole('list', { name: 'Recent and upcoming alerts' });
      const deadline = Date.now() + 30_000;
      for (;;) {
        await openSettings(page, id, name);
        await page
          .getByText(/^No alert in this period\.$|^Hugo Durand/)
          .first()
          .waitFor();
        if ((await list.getByText(duty).count()) > 0 || Date.now() > deadline) break;
        await page.waitForTimeout(1000);
      }
      const item = list.getByRole('listitem').filter({ hasText: duty });
      expect(await item.textContent()).toMatch(/(Sent .+ by E-mail|Being sent)$/);
    },
  );

  browserIt(
    'builds an extra number, a rule and a menu saved by the page’s Save: a duplicate key is refused at its field while the ringing change is saved, then the entry is on the server; Undo changes drops a new rule',
    { browser: () => browser },
    async (page) => {
      const name = `Menu ${Date.now()}`;
      const id = await ownHotline(name);
      const lifts = `Lifts ${Date.now()}`;
      const other = await ownHotline(lifts);
      const extra = `+331848${String(Date.now() % 100_000).padStart(5, '0')}`;
      await signIn(page, gateway.url, gateway.admin);
      await openSettings(page, id, name);
      const section = page.getByRole('region', { name: 'Menu and routing' });
      await section.getByRole('button', { name: 'Add a number' }).click();
      await section.getByRole('textbox', { name: 'Extra number 1' }).fill(extra);

      await section.getByRole('button', { name: 'Add a rule' }).click();
      const rule = section.getByRole('group', { name: 'Rule 1' });
      await rule.getByRole('combobox', { name: 'Number dialled' }).click();
      await page.getByRole('option', { name: extra }).click();
      await rule.getByRole('combobox', { name: 'Goes to' }).click();
      await page.getByRole('option', { name: `Hotline ${lifts}` }).click();

      await section.getByText('A menu', { exact: true }).click();
      await section
        .getByRole('textbox', { name: 'What the caller hears: text' })
        .fill('Press 1 for heating, 2 for lifts');
      const first = section.getByRole('group', { name: 'Choice 1' });
      await first.getByRole('textbox', { name: 'Label' }).fill('Heating');
      await section.getByRole('button', { name: 'Add a choice' }).click();
      const second = section.getByRole('group', { name: 'Choice 2' });
      const secondKey = second.getByRole('textbox', { name: 'Key' });
      await secondKey.fill('1');
      await second.getByRole('textbox', { name: 'Label' }).fill('Lifts');
      await second.getByRole('combobox', { name: 'Goes to' }).click();
      await page.getByRole('option', { name: `Hotline ${lifts}` }).click();
      await level(page, 1).getByRole('radio', { name: 'Balanced' }).check();
      const save = page.getByRole('button', { name: 'Save', exact: true });
      await save.click();
      await second.getByText('key 1 already leads elsewhere').waitFor();
      expect(await secondKey.getAttribute('aria-invalid')).toBe('true');
      // The hotline's part of the same Save is kept.
      expect(
        await eventually(
          () => strategiesOf(id),
          (s) => s[0] === 'BALANCED',
        ),
      ).toEqual(['BALANCED']);
      const entryOf = () =>
        ask<{ callEntry: Record<string, unknown> }>(
          `query ($id: ID!) { callEntry(hotlineId: $id) { isDefault extraNumbers rules { dialled target { kind hotlineId } }
            front { kind prompt { text } choices { key label target { kind hotlineId } } defaultTarget { kind } } } }`,
          { id },
        ).then((d) => d.callEntry);
      expect((await entryOf()).isDefault).toBe(true);

      await secondKey.fill('2');
      await save.click();
      await page.getByText(`${name} saved.`).waitFor();
      expect(await secondKey.getAttribute('aria-invalid')).not.toBe('true');
      expect(await entryOf()).toEqual({
        isDefault: false,
        extraNumbers: [extra],
        rules: [{ dialled: extra, target: { kind: 'HOTLINE', hotlineId: other } }],
        front: {
          kind: 'MENU',
          prompt: { text: 'Press 1 for heating, 2 for lifts' },
          choices: [
            { key: '1', label: 'Heating', target: { kind: 'LINE', hotlineId: null } },
            { key: '2', label: 'Lifts', target: { kind: 'HOTLINE', hotlineId: other } },
          ],
          defaultTarget: { kind: 'LINE' },
        },
      });
      await keepScreenshot(page, 'hotline-routing-menu', true);

      const undo = page.getByRole('button', { name: 'Undo changes' });
      expect(await undo.isDisabled()).toBe(true);
      await section.getByRole('button', { name: 'Add a rule' }).click();
      await section.getByRole('group', { name: 'Rule 2' }).waitFor();
      expect(await undo.isDisabled()).toBe(false);
      await undo.click();
      await section.getByRole('group', { name: 'Rule 2' }).waitFor({ state: 'detached' });
      expect(await undo.isDisabled()).toBe(true);
      expect(((await entryOf()).rules as unknown[]).length).toBe(1);
    },
  );

  browserIt(
    'a member reads the ringing and alert settings without changing them',
    { browser: () => browser },
    async (page) => {
      const name = `Read only ${Date.now()}`;
      const id = await ownHotline(name);
      await ask('mutation ($input: UpdateHotlineInput!) { updateHotline(input: $input) { id } }', {
        input: { id, levelStrategies: ['ALL_AT_ONCE'] },
      });
      await ask(
        'mutation ($input: UpdateShiftAlertSettingsInput!) { updateShiftAlertSettings(input: $input) { enabled } }',
        {
          input: { hotlineId: id, enabled: true, minutesBefore: 30, channels: ['SMS'] },
        },
      );
      await signInAsNewMember(page, gateway, attemptEmail('ringing-reader@example.test'));
      await openSettings(page, id, name);
      const allAtOnce = level(page, 1).getByRole('radio', { name: 'All at once' });
      expect(await allAtOnce.isChecked()).toBe(true);
      expect(await allAtOnce.isDisabled()).toBe(true);
      expect(await page.getByRole('switch', { name: 'Send shift-start alerts' }).isDisabled()).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Minutes before the duty starts' }).inputValue()).toBe('30 min');
      expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add a number' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add a rule' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add a level' }).count()).toBe(0);
    },
  );

  browserIt(
    'on a phone the ringing choices fit the screen, in French',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      const name = `Téléphone ${Date.now()}`;
      const id = await ownHotline(name);
      await signIn(page, gateway.url, gateway.admin);
      await openSettings(page, id, name);
      await page
        .getByRole('button', { name: 'FR' })
        .or(page.getByText('FR', { exact: true }))
        .first()
        .click();
      const group = page.getByRole('radiogroup', { name: 'Niveau 3', exact: true });
      await group.getByRole('radio', { name: 'Tous ensemble' }).check();
      expect(await group.getByRole('radio', { name: 'Tous ensemble' }).isVisible()).toBe(true);
      await page.getByRole('heading', { name: 'Alertes de prise de poste' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.getByText(`${name} enregistrée.`).waitFor();
      expect(await strategiesOf(id)).toEqual(['IN_ORDER', 'IN_ORDER', 'ALL_AT_ONCE']);
      await keepScreenshot(page, 'hotline-routing-phone', true);
    },
  );
});
