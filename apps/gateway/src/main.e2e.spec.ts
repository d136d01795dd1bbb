import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start` as the lead wires it: `node -r ./tools/ts-run.cjs apps/gateway/src/main.ts`. */
function startMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', './tools/ts-run.cjs', 'apps/gateway/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stdout!.on('data', (chunk) => (run.stdout += chunk));
  child.stderr!.on('data', (chunk) => (run.stderr += chunk));
  return run;
}

async function waitFor(run: Run, pattern: RegExp, timeoutMs = 40_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = run.stdout.match(pattern);
    if (match) return match;
    if (Date.now() > deadline || run.child.exitCode !== null)
      throw new Error(`no ${pattern} in:\n${run.stdout}\n${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('main.ts, as npm start runs it', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-main-'))));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts with no configuration on SQLite under DATA_DIR, prints a working demo API key, and stops cleanly on SIGTERM', async () => {
    const run = startMain({ DATA_DIR: dataDir, PORT: '0' });
    try {
      const [, key] = await waitFor(run, /^Demo API key: (dl_\S+)$/m);
      const port = Number((await waitFor(run, /"msg":"gateway listening","port":(\d+)/))[1]);
      expect(run.stdout).toMatch(/^Demo admin: admin@demo\.dutyline\.example \/ \S+$/m);
      expect(fs.existsSync(path.join(dataDir, 'dutyline.sqlite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'auth-secret'))).toBe(true);

      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      const me = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ me { role account { id } } }' }),
      });
      expect(await me.json()).toEqual({ data: { me: { role: 'ADMIN', account: { id: 'demo' } } } });
      for (const line of run.stdout.split('\n').filter((l) => l.startsWith('{')))
        expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      run.child.kill('SIGTERM');
    }
    const exit = await run.exited;
    expect(exit.signal ?? exit.code).toEqual(expect.anything());
    expect(run.stdout).toContain('"msg":"database closed"');
    expect(run.stderr).toBe('');

    // A second start finds the data: same key, no second seed.
    const again = startMain({ DATA_DIR: dataDir, PORT: '0' });
    try {
      const [, sameKey] = await waitFor(again, /^Demo API key: (dl_\S+)$/m);
      expect(sameKey).toBe(run.stdout.match(/^Demo API key: (dl_\S+)$/m)![1]);
      expect(again.stdout).not.toContain('demo account seeded');
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 90_000);

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://db/dutyline' }, 'DATABASE_URL'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET'],
  ])(
    'exits 1 on %j naming %s, without a stack trace',
    async (env, variable) => {
      const run = startMain({ DATA_DIR: dataDir, ...env });
      expect((await run.exited).code).toBe(1);
      expect(run.stderr).toContain(`${variable}: `);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );
});
