// The console's speed on a realistic hotline: 50 people, 3 levels, 4 weeks of slots, in headless
// Chromium against the built console served by a real gateway (SQLite, demo account). Prints the
// JavaScript sent before the board shows (gzip), the time from navigation to the board showing its
// slots, and the longest main-thread task during a 2-second drag of a slot.
import { gzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
// The console's own browser-test support: this benchmark drives the console as its tests do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ensureConsoleBuilt,
  launchBrowser,
  startDemoGateway,
  type DemoGateway,
} from '../../apps/console/e2e/support/console-e2e';
import { goal, report, reportLoadAverage } from './support/measure';

const NAME = 'console';
const PEOPLE = 50;
const WEEKS = 4;
const ZONE = 'Europe/Paris';
const GOALS = { initialJsKb: 300, boardShownMs: 1500, longestTaskMs: 50 };

/** What the page scripts below use of the browser's globals. */
interface BrowserGlobals {
  localStorage: { setItem(key: string, value: string): void };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: object): void;
  };
  __longTasks: number[];
}

async function seed(gateway: DemoGateway): Promise<{ hotlineId: string; monday: string }> {
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const answer = await gateway.graphql<{ createPerson: { id: string } }>(
      `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      {
        input: {
          name: `Bench Person ${String(i + 1).padStart(2, '0')}`,
          contactNumbers: [{ number: `+336${String(10000000 + i)}`, label: 'mobile', ringTimeoutSeconds: 20 }],
        },
      },
    );
    if (!answer.data) throw new Error(`createPerson: ${JSON.stringify(answer.errors)}`);
    ids.push(answer.data.createPerson.id);
  }
  const hotline = await gateway.graphql<{ createHotline: { id: string } }>(
    `mutation ($input: CreateHotlineInput!) { createHotline(input: $input) { id } }`,
    { input: { name: 'Bench hotline', number: '+33184809999', timeZone: ZONE } },
  );
  if (!hotline.data) throw new Error(`createHotline: ${JSON.stringify(hotline.errors)}`);
  const hotlineId = hotline.data.createHotline.id;
  const monday = DateTime.now().setZone(ZONE).startOf('week');
  const slots = [];
  for (let day = 0; day < WEEKS * 7; day++) {
    for (let shift = 0; shift < 3; shift++) {
      const start = monday.plus({ days: day, hours: shift * 8 });
      const end = start.plus({ hours: 8 });
      const n = day * 3 + shift;
      const assignees = [0, 1, 2].map((level) => ({ kind: 'PERSON', id: ids[(n + level * 17) % PEOPLE] }));
      slots.push({ start: start.toFormat("yyyy-MM-dd'T'HH:mm"), end: end.toFormat("yyyy-MM-dd'T'HH:mm"), assignees });
    }
  }
  const created = await gateway.graphql(
    `mutation ($input: CreateSlotsInput!) { createSlots(input: $input) { version } }`,
    { input: { hotlineId, slots } },
  );
  if (created.errors) throw new Error(`createSlots: ${JSON.stringify(created.errors)}`);
  return { hotlineId, monday: monday.toISODate()! };
}

async function main(): Promise<void> {
  ensureConsoleBuilt({ force: true });
  const gateway = await startDemoGateway();
  const browser = await launchBrowser();
  try {
    const { hotlineId } = await seed(gateway);
    const login = await gateway.graphql<{ login: { token: string; expiresAt: string } }>(
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }`,
      { email: gateway.admin.email, password: gateway.admin.password },
    );
    const session = JSON.stringify(login.data!.login);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    // Runs in the page (this file is compiled without the DOM's types, hence the casts).
    await context.addInitScript((stored) => {
      const page = globalThis as unknown as BrowserGlobals;
      page.localStorage.setItem('dutyline.session', stored);
      page.__longTasks = [];
      new page.PerformanceObserver((list) =>
        list.getEntries().forEach((e) => page.__longTasks.push(e.duration)),
      ).observe({ type: 'longtask', buffered: true });
    }, session);
    const page = await context.newPage();

    let boardShown = false;
    const jsBeforeBoard: Promise<number>[] = [];
    page.on('response', (response) => {
      if (!boardShown && response.request().resourceType() === 'script')
        jsBeforeBoard.push(response.body().then((body) => gzipSync(body).length));
    });
    const slotButtons = page.getByRole('button', { name: /, level 1, / });
    const started = Date.now();
    await page.goto(`${gateway.url}/hotlines/${hotlineId}/schedule`);
    await slotButtons.first().waitFor({ state: 'visible', timeout: 30_000 });
    const shownMs = Date.now() - started;
    boardShown = true;
    const jsKb = (await Promise.all(jsBeforeBoard)).reduce((a, b) => a + b, 0) / 1024;

    // A 2-second drag of a slot, the mouse moving every frame.
    const box = (await slotButtons.nth(3).boundingBox())!;
    await page.evaluate(() => ((globalThis as unknown as BrowserGlobals).__longTasks = []));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const dragStart = Date.now();
    for (let i = 1; Date.now() - dragStart < 2000; i++) {
      await page.mouse.move(box.x + box.width / 2 + (i % 120) * 3, box.y + box.height / 2 + (i % 2) * 2);
      await page.waitForTimeout(16);
    }
    await page.keyboard.press('Escape');
    await page.mouse.up();
    const longTasks = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__longTasks);
    const longest = longTasks.length === 0 ? 0 : Math.max(...longTasks);

    reportLoadAverage(NAME);
    report(NAME, { metric: 'slots-shown', value: await slotButtons.count(), unit: 'slots' });
    report(NAME, { metric: 'initial-js-gzip', value: jsKb, unit: 'kB' });
    report(NAME, { metric: 'board-shown', value: shownMs, unit: 'ms' });
    report(NAME, { metric: 'drag-long-tasks', value: longTasks.length, unit: 'tasks' });
    report(NAME, { metric: 'drag-longest-task', value: longest, unit: 'ms' });
    goal(NAME, `initial JavaScript ≤ ${GOALS.initialJsKb} kB gzip`, jsKb <= GOALS.initialJsKb);
    goal(NAME, `board shown ≤ ${GOALS.boardShownMs} ms`, shownMs <= GOALS.boardShownMs);
    goal(
      NAME,
      `longest task during a drag ≤ ${GOALS.longestTaskMs} ms (long tasks are those over 50 ms: none counts as met)`,
      longest <= GOALS.longestTaskMs,
    );
  } finally {
    await browser.close();
    await gateway.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
