import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  browserIt,
  describeInBrowser,
  launchBrowser,
  PHONE,
  keepScreenshot as keepShared,
  signIn,
  startDemoGateway,
  type DemoGateway,
  attemptEmail,
} from './support/console-e2e';

const ZONE = 'Europe/Paris';
const SLOT = 'id start end assignees { level person { name } team { name } }';

interface ServerSlot {
  id: string;
  start: string;
  end: string;
  assignees: { level: number; person: { name: string } | null; team: { name: string } | null }[];
}
interface ServerOverride {
  id: string;
  start: string;
  end: string;
  level: number | null;
  assignees: { person: { name: string } | null }[];
}

/** `Mon 7 Dec 18:00` as the console writes a wall-clock time in English. */
const local = (wall: string) => DateTime.fromISO(wall, { zone: ZONE }).setLocale('en').toFormat('ccc d LLL HH:mm');
/** `Mon 7 Dec 08:00 – 18:00` or `Fri 4 Dec 18:00 – Mon 7 Dec 08:00`, as the previews name a slot's times. */
const localRange = (start: string, end: string) =>
  `${local(start)} – ${start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : local(end)}`;
const wall = (dt: DateTime) => dt.toFormat("yyyy-LL-dd'T'HH:mm");

/** Screenshots of the tools for a person to look at (not failures): tmp/console-e2e/schedule-tools-*.png. */
const keepScreenshot = (page: Page, name: string, fullPage = false): Promise<void> =>
  keepShared(page, `schedule-tools-${name}`, { fullPage, settleMs: 400 }); // popovers and modals fade in

/** The accessible names of a list's items, in order. */
async function itemNames(list: Locator): Promise<string[]> {
  return list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? item.textContent ?? ''));
}

describeInBrowser('console: the schedule tools (copies with a preview, overrides, call path)', () => {
  let gateway: DemoGateway;
  let browser: Browser;
  let hotlineId: string;
  let people: Record<string, string>;
  /** Monday of the demo week (the current week in Paris) and the week after it. */
  const monday = DateTime.now().setZone(ZONE).startOf('week');
  const nextMonday = monday.plus({ weeks: 1 });

  async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await gateway.graphql<T>(query, variables);
    if (!answer.data || answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  }
  const schedule = (from: string, to: string) =>
    ask<{ schedule: { version: number; slots: ServerSlot[] } }>(
      `query ($h: ID!, $f: String!, $t: String!) { schedule(hotlineId: $h, from: $f, to: $t) { version slots { ${SLOT} } } }`,
      { h: hotlineId, f: from, t: to },
    ).then((d) => d.schedule);
  const overrides = () =>
    ask<{ overrides: ServerOverride[] }>(
      'query ($h: ID!, $f: Instant!, $t: Instant!) { overrides(hotlineId: $h, from: $f, to: $t) { id start end level assignees { person { name } } } }',
      {
        h: hotlineId,
        f: DateTime.now().minus({ days: 1 }).toISO(),
        t: DateTime.now().plus({ days: 2 }).toISO(),
      },
    ).then((d) => d.overrides);

  async function openBoard(page: Page): Promise<void> {
    await signIn(page, gateway.url, gateway.admin);
    await page.getByRole('region', { name: 'Escalation levels' }).waitFor();
  }

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startDemoGateway(), launchBrowser()]);
    const answer = await ask<{
      hotlines: { edges: { node: { id: string } }[] };
      people: { edges: { node: { id: string; name: string } }[] };
    }>('{ hotlines(first: 1) { edges { node { id } } } people(first: 100) { edges { node { id name } } } }');
    hotlineId = answer.hotlines.edges[0].node.id;
    people = Object.fromEntries(answer.people.edges.map((e) => [e.node.name, e.node.id]));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  browserIt(
    'copies a week to the next with a preview: refused with the slots in the way, then what it creates and replaces; nothing stored before Save',
    { browser: () => browser },
    async (page) => {
      // Something in the next week's way: Julie Moreau on Tuesday 09:00–11:00, inside the office hours the copy brings.
      const tuesday = nextMonday.plus({ days: 1 });
      await ask('mutation ($input: CreateSlotsInput!) { createSlots(input: $input) { version } }', {
        input: {
          hotlineId,
          slots: [
            {
              start: wall(tuesday.set({ hour: 9 })),
              end: wall(tuesday.set({ hour: 11 })),
              assignees: [{ kind: 'PERSON', id: people['Julie Moreau'] }],
            },
          ],
        },
      });
      const weekAfter = nextMonday.plus({ weeks: 1 });
      const before = await schedule(wall(monday), wall(weekAfter));
      const source = before.slots.filter((s) => s.start >= wall(monday) && s.start < wall(nextMonday));
      // The demo week's last slot runs into next Monday 08:00: the copy of Monday 00:00–08:00 overlaps it.
      const spilling = before.slots.find((s) => s.start < wall(nextMonday) && s.end > wall(nextMonday))!;
      expect(spilling).toBeDefined();

      await openBoard(page);
      await page.getByRole('button', { name: 'Copy and periods' }).click();
      await page.getByRole('menuitem', { name: 'Copy a week…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Copy a week to other weeks' });
      await expect(dialog.getByLabel('Week to copy').inputValue()).resolves.toBe(monday.toISODate());
      await dialog.getByLabel('Copy to these weeks: date to add').fill(nextMonday.plus({ days: 2 }).toISODate()!);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await dialog
        .getByRole('listitem', {
          name: `Week of ${nextMonday.setLocale('en').toFormat('ccc d LLL yyyy')} – ${nextMonday.plus({ days: 6 }).setLocale('en').toFormat('ccc d LLL yyyy')}`,
        })
        .waitFor();

      // REJECT (the default): the server's refusal and the slots in the way.
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const refusal = dialog.getByRole('alert').filter({ hasText: 'Slots are in the way' });
      await refusal.getByText(/overlaps existing slot/).waitFor();
      const inTheWay = await itemNames(refusal.getByRole('list', { name: 'Slots in the way' }));
      expect(inTheWay.some((name) => name.startsWith(localRange(spilling.start, spilling.end)))).toBe(true);
      expect(
        inTheWay.some(
          (name) =>
            name.startsWith(localRange(wall(tuesday.set({ hour: 9 })), wall(tuesday.set({ hour: 11 })))) &&
            name.includes('1. Julie Moreau'),
        ),
      ).toBe(true);
      await expect(dialog.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);

      // REPLACE: what it creates (the source week a week later, by level) and what it replaces.
      await dialog.getByRole('checkbox', { name: 'Replace what is in the way' }).check();
      const toCreate = dialog.getByRole('list', { name: 'Slots to create' });
      await toCreate.waitFor();
      const created = await itemNames(toCreate);
      expect(created).toHaveLength(source.length);
      for (const slot of source) {
        const start = DateTime.fromISO(slot.start, { zone: ZONE }).plus({ weeks: 1 });
        const end = DateTime.fromISO(slot.end, { zone: ZONE }).plus({ weeks: 1 });
        const levels = [...slot.assignees]
          .sort((a, b) => a.level - b.level)
          .map((a) => `${a.level + 1}. ${a.person?.name ?? a.team?.name}`)
          .join(' · ');
        expect(
          created.some((name) => name.startsWith(localRange(wall(start), wall(end))) && name.endsWith(levels)),
        ).toBe(true);
      }
      await dialog.getByRole('heading', { name: /^It replaces \d+ slots?$/ }).waitFor();
      const removed = await itemNames(dialog.getByRole('list', { name: 'Slots removed' }));
      expect(removed).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${localRange(wall(tuesday.set({ hour: 9 })), wall(tuesday.set({ hour: 11 })))} \\(2 h\\): 1\\. Julie Moreau$`,
          ),
        ),
      ]);
      const trimmed = await itemNames(dialog.getByRole('list', { name: 'Slots trimmed' }));
      expect(trimmed).toEqual([expect.stringContaining(`${localRange(spilling.start, wall(nextMonday))} `)]);
      expect(trimmed[0]).toContain(`(was ${localRange(spilling.start, spilling.end)})`);
      await keepScreenshot(page, 'copy-week-preview');

      // Nothing stored by the previews.
      expect(await schedule(wall(monday), wall(weekAfter))).toEqual(before);

      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const after = await schedule(wall(nextMonday), wall(weekAfter));
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.slots.filter((s) => s.start >= wall(nextMonday))).toHaveLength(source.length);
      expect(
        after.slots.some(
          (s) =>
            s.assignees.some((a) => a.person?.name === 'Julie Moreau') && s.start === wall(tuesday.set({ hour: 9 })),
        ),
      ).toBe(false);
    },
  );

  browserIt(
    "takes the line now for oneself: the call-path preview then starts with the demo admin's person",
    { browser: () => browser },
    async (page) => {
      await openBoard(page);
      const callPath = page.getByRole('list', { name: 'Call path' });
      await callPath.getByRole('listitem').first().waitFor();
      expect((await itemNames(callPath))[0]).not.toMatch(/^1\. Julie Moreau /);

      const take = page.getByRole('button', { name: /^Take the line until \d\d:\d\d$/ });
      await take.click();
      await page.getByText(/^You have the line until .+ \(Europe\/Paris\)\.$/).waitFor();
      await page.waitForFunction(() =>
        document
          .querySelector('[aria-label="Call path"] [role="listitem"]')
          ?.getAttribute('aria-label')
          ?.startsWith('1. Julie Moreau (level 1), '),
      );
      expect((await itemNames(callPath))[0]).toMatch(/^1\. Julie Moreau \(level 1\), .+, \d+ s$/);
      await page
        .getByRole('list', { name: 'On duty now' })
        .getByRole('listitem', { name: 'Level 1: Julie Moreau' })
        .waitFor();

      const mine = (await overrides()).filter((o) => o.assignees[0]?.person?.name === 'Julie Moreau');
      expect(mine).toHaveLength(1);
      expect(mine[0].level).toBe(0);
      const minutes = DateTime.fromISO(mine[0].end).diff(DateTime.fromISO(mine[0].start), 'minutes').minutes;
      expect(minutes).toBeGreaterThanOrEqual(59.5);
      expect(minutes).toBeLessThanOrEqual(76);

      // The time picker: until a chosen time on the hotline's clock, shown in the overrides list.
      await page.getByRole('button', { name: 'Take the line until a time you choose' }).click();
      const form = page.getByRole('form', { name: 'Take the line now until…' });
      const until = DateTime.now().setZone(ZONE).plus({ hours: 3 }).startOf('minute');
      await form.getByLabel('Until (date)').fill(until.toISODate()!);
      await form.getByLabel('Until (time)').fill(until.toFormat('HH:mm'));
      await keepScreenshot(page, 'take-the-line-until');
      await form.getByRole('button', { name: 'Take the line' }).click();
      await form.waitFor({ state: 'detached' });
      const ends = (await overrides())
        .filter((o) => o.assignees[0]?.person?.name === 'Julie Moreau')
        .map((o) => DateTime.fromISO(o.end).toMillis());
      expect(ends).toContain(until.toMillis());

      // "Give the line back" ends every override of hers in force: the call path is the schedule's again.
      await page.getByText(`You have the line until ${local(wall(until))}.`).waitFor();
      await page.getByRole('button', { name: 'Give the line back' }).click();
      await page.getByText('The line is back with the schedule.').waitFor();
      const stillMine = (await overrides()).filter(
        (o) => o.assignees[0]?.person?.name === 'Julie Moreau' && DateTime.fromISO(o.end).toMillis() > Date.now(),
      );
      expect(stillMine).toEqual([]);
      await page.getByRole('button', { name: /^Take the line until \d\d:\d\d$/ }).waitFor();
      await page.waitForFunction(
        () =>
          !document
            .querySelector('[aria-label="Call path"] [role="listitem"]')
            ?.getAttribute('aria-label')
            ?.startsWith('1. Julie Moreau'),
      );
    },
  );

  browserIt(
    'replaces someone for a range (the override is in `overrides`), then ends it early',
    { browser: () => browser },
    async (page) => {
      await openBoard(page);
      await page.getByRole('button', { name: 'Replace someone…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Replace someone on the schedule' });
      await dialog.getByLabel('Who is replaced').selectOption({ label: 'Hugo Durand' });
      await expect(dialog.getByLabel('Reason (optional)').inputValue()).resolves.toBe('Replaces Hugo Durand');
      await dialog.getByLabel('Replaced by').selectOption({ label: 'Lucas Bernard' });
      await dialog.getByLabel('What is replaced').selectOption({ label: 'Level 1 only' });
      const start = DateTime.now().setZone(ZONE).startOf('minute');
      const end = start.plus({ hours: 2 });
      await dialog.getByLabel('From (date)').fill(start.toISODate()!);
      await dialog.getByLabel('From (time)').fill(start.toFormat('HH:mm'));
      await dialog.getByLabel('Until (date)').fill(end.toISODate()!);
      await dialog.getByLabel('Until (time)').fill(end.toFormat('HH:mm'));
      await keepScreenshot(page, 'replace-dialog');
      await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });

      const made = (await overrides()).find((o) => o.assignees[0]?.person?.name === 'Lucas Bernard')!;
      expect(made).toMatchObject({ level: 0 });
      expect(DateTime.fromISO(made.start).toMillis()).toBe(start.toMillis());
      expect(DateTime.fromISO(made.end).toMillis()).toBe(end.toMillis());

      const list = page.getByRole('list', { name: 'Overrides' });
      const item = list.getByRole('listitem', {
        name: new RegExp(`^Lucas Bernard \\(level 1\\), ${local(wall(start))} – `),
      });
      await item.waitFor();
      await item.getByRole('button', { name: /^End now: / }).click();
      await item.waitFor({ state: 'detached' });
      const ended = (await overrides()).find((o) => o.id === made.id)!;
      expect(DateTime.fromISO(ended.end).toMillis()).toBeLessThan(end.toMillis());
      expect(DateTime.fromISO(ended.end).toMillis()).toBeLessThanOrEqual(Date.now());
    },
  );

  browserIt(
    "the call-path preview for a chosen instant is the server's callPlan for that instant, step by step",
    { browser: () => browser },
    async (page) => {
      // Wednesday night of the demo week, on the hotline's clock.
      const at = monday.plus({ days: 2 }).set({ hour: 22, minute: 30 });
      const plan = await ask<{
        callPlan: {
          steps: {
            kind: string;
            via: string | null;
            level: number | null;
            personName: string | null;
            number: string | null;
            label: string | null;
            ringTimeoutSeconds: number | null;
          }[];
        };
      }>(
        'query ($h: ID!, $at: Instant) { callPlan(hotlineId: $h, at: $at) { steps { kind via level personName number label ringTimeoutSeconds } } }',
        { h: hotlineId, at: at.toISO() },
      );
      await openBoard(page);
      await page.getByLabel('Time of the call').fill(wall(at));
      await page.getByText(`A call at ${local(wall(at))} (Europe/Paris)`).waitFor();
      const names = await itemNames(page.getByRole('list', { name: 'Call path' }));
      expect(names).toHaveLength(plan.callPlan.steps.length);
      plan.callPlan.steps.forEach((step, index) => {
        const name = names[index];
        expect(name.startsWith(`${index + 1}. `)).toBe(true);
        if (step.kind === 'DIAL') {
          const role = step.via === 'SUPERVISOR' ? 'supervisor' : `level ${step.level! + 1}`;
          expect(name).toMatch(
            new RegExp(
              `^${index + 1}\\. ${step.personName} \\(${role}(, [^)]+)?\\), ${step.label} [+0-9 ]+, ${step.ringTimeoutSeconds} s$`,
            ),
          );
          expect(name.replace(/ /g, '')).toContain(step.number);
        } else {
          expect(name).toContain(step.kind === 'VOICEMAIL' ? 'Voicemail' : 'Message');
        }
      });
      expect(plan.callPlan.steps.at(-1)!.kind).not.toBe('DIAL');
      await keepScreenshot(page, 'call-path', true);
    },
  );

  browserIt(
    'applies a predefined period to ordered levels, with its preview',
    { browser: () => browser },
    async (page) => {
      const week = nextMonday.plus({ weeks: 2 });
      await openBoard(page);
      await page.getByRole('button', { name: 'Copy and periods' }).click();
      await page.getByRole('menuitem', { name: 'Apply a period…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Apply a predefined period' });
      await dialog.getByLabel('Period').selectOption({ label: 'Office hours' });
      await dialog.getByLabel('First day').fill(week.toISODate()!);
      await dialog.getByLabel('Last day').fill(week.plus({ days: 6 }).toISODate()!);
      await dialog.getByLabel('Level 1', { exact: true }).selectOption({ label: 'Équipe maintenance' });
      await dialog.getByRole('button', { name: '+ Add a level' }).click();
      await dialog.getByLabel('Level 2', { exact: true }).selectOption({ label: 'Hugo Durand' });
      await dialog.getByRole('button', { name: 'Move level 2 up' }).click();
      await dialog.getByRole('button', { name: 'Preview' }).click();
      const toCreate = dialog.getByRole('list', { name: 'Slots to create' });
      await toCreate.waitFor();
      const created = await itemNames(toCreate);
      expect(created).toEqual(
        [0, 1, 2, 3, 4].map(
          (d) =>
            `${localRange(wall(week.plus({ days: d }).set({ hour: 8 })), wall(week.plus({ days: d }).set({ hour: 18 })))} (10 h): 1. Hugo Durand · 2. Équipe maintenance`,
        ),
      );
      await keepScreenshot(page, 'apply-period-preview');
      expect((await schedule(wall(week), wall(week.plus({ weeks: 1 })))).slots).toEqual([]);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const saved = await schedule(wall(week), wall(week.plus({ weeks: 1 })));
      expect(saved.slots.map((s) => [s.start, s.assignees.map((a) => a.person?.name ?? a.team?.name)])).toEqual(
        [0, 1, 2, 3, 4].map((d) => [
          wall(week.plus({ days: d }).set({ hour: 8 })),
          ['Hugo Durand', 'Équipe maintenance'],
        ]),
      );
    },
  );

  browserIt(
    "copies two days to another hotline of the account, expecting the TARGET's version, same wall-clock times in its zone",
    { browser: () => browser },
    async (page) => {
      const created = await ask<{ createHotline: { id: string } }>(
        'mutation ($input: CreateHotlineInput!) { createHotline(input: $input) { id } }',
        {
          input: { name: 'Night line', number: '+33184800077', timeZone: 'America/New_York' },
        },
      );
      const target = created.createHotline.id;
      const targetSchedule = (from: string, to: string) =>
        ask<{ schedule: { version: number; slots: ServerSlot[] } }>(
          `query ($h: ID!, $f: String!, $t: String!) { schedule(hotlineId: $h, from: $f, to: $t) { version slots { ${SLOT} } } }`,
          { h: target, f: from, t: to },
        ).then((d) => d.schedule);
      const source = (await schedule(wall(monday), wall(monday.plus({ days: 2 })))).slots.filter(
        (s) => s.start >= wall(monday),
      );

      await openBoard(page);
      await page.getByRole('button', { name: 'Copy and periods' }).click();
      await page.getByRole('menuitem', { name: 'Copy to another hotline…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Copy to another hotline' });
      await dialog.getByLabel('Hotline to copy to').selectOption({ label: 'Night line (America/New_York)' });
      await dialog.getByLabel('First day').fill(monday.toISODate()!);
      await dialog.getByLabel('Last day').fill(monday.plus({ days: 1 }).toISODate()!);
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await dialog.getByText('Times on the hotline’s clock (America/New_York).').waitFor();
      const list = dialog.getByRole('list', { name: 'Slots to create' });
      await list.waitFor();
      const names = await itemNames(list);
      expect(names).toHaveLength(source.length);
      expect(names[0].startsWith(`${localRange(source[0].start, source[0].end)} `)).toBe(true);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const copied = await targetSchedule(wall(monday), wall(monday.plus({ days: 3 })));
      expect(copied.slots.map((s) => [s.start, s.end])).toEqual(source.map((s) => [s.start, s.end]));
    },
  );

  browserIt(
    'a version conflict on Save says the schedule changed, saves nothing and previews again on the new schedule',
    { browser: () => browser },
    async (page) => {
      const inTwoWeeks = nextMonday.plus({ weeks: 1 });
      await openBoard(page);
      await page.getByRole('button', { name: 'Copy and periods' }).click();
      await page.getByRole('menuitem', { name: 'Copy a day…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Copy a day to other dates' });
      await dialog.getByLabel('Day to copy').fill(monday.plus({ days: 1 }).toISODate()!);
      await dialog.getByLabel('Copy to these dates: date to add').fill(inTwoWeeks.plus({ days: 1 }).toISODate()!);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await dialog.getByRole('list', { name: 'Slots to create' }).waitFor();

      // Someone else writes meanwhile: Julie Moreau on the target day's evening, in the way of the night the copy brings.
      const target = inTwoWeeks.plus({ days: 1 });
      const before = await schedule(wall(target), wall(target.plus({ days: 2 })));
      await ask('mutation ($input: CreateSlotsInput!) { createSlots(input: $input) { version } }', {
        input: {
          hotlineId,
          slots: [
            {
              start: wall(target.set({ hour: 20 })),
              end: wall(target.set({ hour: 21 })),
              assignees: [{ kind: 'PERSON', id: people['Julie Moreau'] }],
            },
          ],
        },
      });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog
        .getByRole('alert')
        .filter({
          hasText: 'The schedule was changed by someone else before your change was saved: nothing was saved.',
        })
        .waitFor();
      const unsaved = await schedule(wall(target), wall(target.plus({ days: 2 })));
      expect(unsaved.slots.map((s) => s.start)).toEqual(
        [...before.slots.map((s) => s.start), wall(target.set({ hour: 20 }))].sort(),
      );
      // The preview made again on the new version now names Julie's slot in the way; with replace, it saves.
      await dialog
        .getByRole('list', { name: 'Slots in the way' })
        .getByRole('listitem', { name: new RegExp(`1\\. Julie Moreau$`) })
        .waitFor();
      await dialog.getByRole('checkbox', { name: 'Replace what is in the way' }).check();
      await dialog.getByRole('list', { name: 'Slots removed' }).waitFor();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const saved = await schedule(wall(target), wall(target.plus({ days: 2 })));
      expect(saved.version).toBeGreaterThan(unsaved.version);
      expect(saved.slots.some((s) => s.assignees.some((a) => a.person?.name === 'Julie Moreau'))).toBe(false);
    },
  );

  browserIt(
    'a member sees the tools read only: Take the line, Replace and the copies disabled with the notice, no End now',
    { browser: () => browser },
    async (page) => {
      const password = 'tools-member-password-42';
      await ask('mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: {
          email: attemptEmail('tools-member@demo.dutyline.example'),
          name: 'Tools member',
          password,
          role: 'MEMBER',
        },
      });
      await signIn(page, gateway.url, { email: attemptEmail('tools-member@demo.dutyline.example'), password });
      await page.getByRole('region', { name: 'Escalation levels' }).waitFor();
      const take = page.getByRole('button', { name: /^Take the line until \d\d:\d\d$/ });
      await expect(take.isDisabled()).resolves.toBe(true);
      await expect(
        page.getByRole('button', { name: 'Take the line until a time you choose' }).isDisabled(),
      ).resolves.toBe(true);
      await expect(
        take.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent()),
      ).resolves.toBe('Read only: your role cannot change this.');
      await expect(page.getByRole('button', { name: 'Replace someone…' }).isDisabled()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Copy and periods' }).isDisabled()).resolves.toBe(true);
      await page.getByRole('list', { name: 'Call path' }).getByRole('listitem').first().waitFor();
      await expect(page.getByRole('button', { name: /^End now/ }).count()).resolves.toBe(0);
    },
  );

  browserIt('speaks French: the call path, the tools and a preview', { browser: () => browser }, async (page) => {
    await signIn(page, gateway.url, gateway.admin);
    await page
      .getByRole('button', { name: 'FR' })
      .or(page.getByText('FR', { exact: true }))
      .first()
      .click();
    const callPath = page.getByRole('list', { name: 'Parcours d’appel' });
    await callPath.getByRole('listitem').first().waitFor();
    expect((await itemNames(callPath))[0]).toMatch(/^1\. .+ \(niveau 1(, [^)]+)?\), .+, \d+ s$/);
    await page.getByRole('heading', { name: 'D’astreinte maintenant' }).waitFor();
    await page.getByRole('button', { name: /^Prendre la ligne jusqu’à \d\d:\d\d$/ }).waitFor();
    await page.getByRole('button', { name: 'Copies et périodes' }).click();
    await page.getByRole('menuitem', { name: 'Copier un jour…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copier un jour vers d’autres dates' });
    await dialog.getByLabel('Copier vers ces dates : date à ajouter').fill(nextMonday.plus({ weeks: 3 }).toISODate()!);
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await dialog.getByRole('button', { name: 'Aperçu' }).click();
    await dialog.getByRole('list', { name: 'Créneaux à créer' }).waitFor();
    const first = (await itemNames(dialog.getByRole('list', { name: 'Créneaux à créer' })))[0];
    expect(first).toMatch(/^lun\. \d+ [a-zéû]+\.? \d\d:\d\d – /);
    await keepScreenshot(page, 'french-copy-day');
  });

  browserIt(
    'on a phone, "Take the line" is in the header, one tap away',
    { browser: () => browser, viewport: PHONE },
    async (page) => {
      await signIn(page, gateway.url, gateway.admin);
      const take = page.getByRole('button', { name: 'Take the line', exact: true });
      await take.waitFor();
      const before = (await overrides()).length;
      await take.click();
      await page.getByText(/^You have the line until .+ \(Europe\/Paris\)\.$/).waitFor();
      expect((await overrides()).length).toBe(before + 1);
      await page.getByRole('button', { name: 'Take the line until a time you choose' }).click();
      await page.getByRole('form', { name: 'Take the line now until…' }).waitFor();
      await keepScreenshot(page, 'phone-take-the-line');
    },
  );
});
