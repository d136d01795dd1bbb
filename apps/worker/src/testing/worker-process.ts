import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** The worker as operators run it, in a child process: `node -r tools/ts-run.cjs apps/worker/src/main.ts`. */
export class WorkerProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters: { match: (line: string) => boolean; resolve: () => void }[] = [];

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let buffered = '';
    const onOutput = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        this.lines.push(line);
        for (const waiter of [...this.waiters]) {
          if (waiter.match(line)) {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
        }
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
  }

  static spawn(env: Record<string, string>): WorkerProcess {
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'tools/ts-run.cjs'), path.join(ROOT, 'apps/worker/src/main.ts')],
      {
        cwd: ROOT,
        // A free metrics port: workers of parallel tests must not contend for 9464.
        env: { PATH: process.env.PATH ?? '', WORKER_METRICS_PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new WorkerProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when a printed line contains `text` (or the process exits: then rejects with its output). */
  waitFor(text: string, timeoutMs = 60_000): Promise<void> {
    if (this.lines.some((line) => line.includes(text))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${this.lines.join('\n')}`)),
        timeoutMs,
      );
      this.waiters.push({ match: (line) => line.includes(text), resolve: () => (clearTimeout(timer), resolve()) });
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the worker exited (${code ?? signal}) before printing "${text}":\n${this.lines.join('\n')}`));
      });
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}
