// Browser tests of the console: a real gateway process (SQLite in a fresh folder, the demo account
// seeded) serving the built console, driven in Debian's Chromium through playwright-core.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where failing tests leave a screenshot (git-ignored). */
export const SCREENSHOTS = path.join(ROOT, 'tmp', 'console-e2e');

/** True when Chromium is installed; under CI its absence fails the run (tools/jest/global-setup.cjs). */
export const chromiumInstalled = fs.existsSync(CHROMIUM);

/**
 * `describe` that skips loudly on a laptop without Chromium. Under CI a failed browser test runs again, up
 * to twice, its first failure printed: a loaded 2-core machine can miss a keyboard drag's 150 ms pauses.
 */
export function describeInBrowser(name: string, body: () => void): void {
  const withRetries = () => {
    if (process.env.CI) jest.retryTimes(2, { logErrorsBeforeRetry: true });
    body();
  };
  if (chromiumInstalled) describe(name, withRetries);
  else describe.skip(`${name} (SKIPPED: no Chromium at ${CHROMIUM})`, body);
}

let consoleBuilt = false;
/** Builds the console when its build is missing or stale (`force`: in any case), once per process. */
export function ensureConsoleBuilt(options: { force?: boolean } = {}): void {
  if (consoleBuilt) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'tools', 'console', 'ensure-built.cjs'), ...(options.force ? ['--force'] : [])],
    { cwd: ROOT, stdio: 'inherit' },
  );
  consoleBuilt = true;
}

export interface DemoGateway {
  readonly url: string;
  readonly dataDir: string;
  readonly admin: { readonly email: string; readonly password: string };
  readonly apiKey: string;
  readonly demoHotlineNumber: string;
  /** GraphQL as the demo API key (an admin), for setting up and checking what the console did. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Everything the gateway printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `npm start`'s gateway (the TypeScript sources, the embedded default) on a free port with a
 * fresh DATA_DIR and waits for its demo lines. `env` adds variables (e.g. AUTH_TOKEN_TTL_SECONDS).
 */
export async function startDemoGateway(env: Record<string, string> = {}): Promise<DemoGateway> {
  ensureConsoleBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-semi-space-size=16',
      '--max-old-space-size=160',
      '-r',
      path.join(ROOT, 'tools', 'ts-run.cjs'),
      path.join(ROOT, 'apps', 'gateway', 'src', 'main.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        VONAGE_VERIFY_SIGNATURES: 'false',
        DEMO_SEED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 90_000;
  while (!/^Demo admin: .+$/m.test(out)) {
    if (child.exitCode !== null) throw new Error(`the gateway exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the gateway did not start in 90 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = /^Console: (http:\/\/\S+?)\/?$/m.exec(out)![1];
  const [, email, password] = /^Demo admin: (\S+) \/ (\S+)$/m.exec(out)!;
  const apiKey = /^Demo API key: (\S+)$/m.exec(out)![1];
  const demoHotlineNumber = /^Demo hotline: (\S+)$/m.exec(out)![1];

  return {
    url,
    dataDir,
    admin: { email, password },
    apiKey,
    demoHotlineNumber,
    async graphql(query, variables = {}, token = apiKey) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data?: never;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    },
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing that calls home (this network has no other hosts). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const WIDE = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (its own storage: its own session) in English unless told otherwise. */
export interface PageOptions {
  readonly viewport?: { width: number; height: number };
  /** The browser's language. @defaultValue `en-GB` */
  readonly locale?: string;
  /** The browser's own zone, deliberately not the hotlines' (the console must never use it). @defaultValue `America/New_York` */
  readonly timezoneId?: string;
}

export async function newPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? WIDE,
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'America/New_York',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** Login sessions this suite's sign-ins got through the form, by gateway, e-mail and password. */
const sessions = new Map<string, string>();
const SESSION_KEY = 'dutyline.session';
/** The page's globals, typed without the DOM library (this file is also compiled with the server code). */
interface PageGlobals {
  readonly localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

async function sessionIsValid(page: Page, baseUrl: string, session: string): Promise<boolean> {
  const { token } = JSON.parse(session) as { token: string };
  const response = await page.request.post(`${baseUrl}/graphql`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query: '{ me { __typename } }' },
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { me?: unknown }; errors?: unknown[] };
  return response.ok() && !body.errors && Boolean(body.data?.me);
}

/**
 * Signs in and waits for the signed-in frame. The first sign-in of a user goes through the form; later ones
 * (`reuse`, the default) put that session back in the page's storage, as a reload would find it, instead of
 * hashing the password again (seconds each at the production cost on a loaded machine). A session the server
 * has ended since (sign-out, password change) falls back to the form.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  { email, password, reuse = true }: { email: string; password: string; reuse?: boolean },
): Promise<void> {
  const key = JSON.stringify([baseUrl, email, password]);
  let kept = reuse ? sessions.get(key) : undefined;
  // Still valid on the server (a sign-out or a password change ends it; the console would show its frame
  // from storage first and only then find out).
  if (kept !== undefined && !(await sessionIsValid(page, baseUrl, kept))) {
    sessions.delete(key);
    kept = undefined;
  }
  if (kept !== undefined) {
    await page.goto(`${baseUrl}/health`);
    await page.evaluate(
      ([name, value]) => (globalThis as unknown as PageGlobals).localStorage.setItem(name, value),
      [SESSION_KEY, kept],
    );
    await page.goto(baseUrl);
    const signedIn = page.getByRole('button', { name: 'Sign out' });
    const shown = (locator: Locator) => locator.waitFor().catch(() => undefined);
    await Promise.race([shown(signedIn), shown(page.getByLabel('E-mail'))]);
    if (await signedIn.isVisible()) return;
    sessions.delete(key);
  } else {
    await page.goto(baseUrl);
  }
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The gateway hashes the password on a slot of its own: seconds when the machine is loaded.
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
  const session = await page.evaluate(
    (name) => (globalThis as unknown as PageGlobals).localStorage.getItem(name),
    SESSION_KEY,
  );
  if (session !== null) sessions.set(key, session);
}

/**
 * A screenshot under tmp/console-e2e/<name>.png for a person to look at (not a failure), after open
 * transitions settle (`settleMs`). Skipped under CI, where nobody looks, unless KEEP_SCREENSHOTS=1.
 */
export async function keepScreenshot(
  page: Page,
  name: string,
  { fullPage = false, settleMs = 0 }: { fullPage?: boolean; settleMs?: number } = {},
): Promise<void> {
  if (process.env.CI && process.env.KEEP_SCREENSHOTS !== '1') return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** How many times the running browser test has started (retries under CI included): 1 on its first run. */
let attempt = 1;

/**
 * `email` for this attempt of the running test: itself on the first run, `local+N@domain` on the Nth, so
 * a retried test never meets the user its failed run created (and no locator matches both).
 */
export function attemptEmail(email: string): string {
  if (attempt === 1) return email;
  const at = email.indexOf('@');
  return `${email.slice(0, at)}+${attempt}${email.slice(at)}`;
}

/**
 * `it` for a browser test: a fresh context and page (its own storage, so its own session), closed after
 * the test; on failure the page's screenshot is saved under tmp/console-e2e/ (named after the test).
 */
export function browserIt(
  name: string,
  { browser, ...options }: PageOptions & { browser: () => Browser; timeoutMs?: number },
  body: (page: Page) => Promise<void>,
): void {
  let runs = 0;
  it(
    name,
    async () => {
      attempt = ++runs;
      const { context, page } = await newPage(browser(), options);
      try {
        await body(page);
      } catch (error) {
        if (!page.isClosed()) {
          fs.mkdirSync(SCREENSHOTS, { recursive: true });
          const file = path.join(SCREENSHOTS, `${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          (error as Error).message += `\n(screenshot: ${file})`;
        }
        throw error;
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    options.timeoutMs ?? 60_000,
  );
}
