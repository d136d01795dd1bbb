import { ChildProcess, spawn } from 'node:child_process';
import { Socket, createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * Runs real sipp processes (Debian package `sip-tester`) against the proxy in `*.int.spec.ts`
 * suites: each on 127.0.0.1 and its own free port, each killed when the test ends.
 */

/** The XML scenarios beside this library (`libs/sip/sipp`). */
export const SCENARIOS = resolve(__dirname, '../../sipp');

/** `count` different UDP ports nobody holds on 127.0.0.1 right now (all bound at once, then released). */
export async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((done, fail) => {
          const socket = createSocket('udp4');
          socket.once('error', fail);
          socket.bind(0, '127.0.0.1', () => done(socket));
        }),
    ),
  );
  const ports = sockets.map((socket) => socket.address().port);
  await Promise.all(sockets.map((socket) => new Promise<void>((done) => socket.close(() => done()))));
  return ports;
}

export interface SippOptions {
  /** File name in `libs/sip/sipp`. */
  readonly scenario: string;
  readonly port: number;
  /** `host:port` a UAC calls; absent for a UAS. */
  readonly remote?: string;
  /** The Request-URI user of the INVITE a UAC sends (`[service]`). */
  readonly service?: string;
  /** Values of `[name]` keywords in the scenario. */
  readonly keys?: Readonly<Record<string, string>>;
  /** @defaultValue 30 */
  readonly timeoutSeconds?: number;
}

export interface SippResult {
  readonly code: number | null;
  /** The messages sipp sent and received, and its unexpected ones: what a failing test prints. */
  readonly trace: string;
}

/** One sipp process. */
export class SippProcess {
  readonly exited: Promise<SippResult>;
  private readonly child: ChildProcess;
  private readonly directory: string;

  constructor(readonly options: SippOptions) {
    this.directory = mkdtempSync(join(tmpdir(), 'dutyline-sipp-'));
    const args = [
      '-sf',
      join(SCENARIOS, options.scenario),
      '-i',
      '127.0.0.1',
      '-p',
      String(options.port),
      '-m',
      '1',
      '-nostdin',
      '-timeout',
      `${options.timeoutSeconds ?? 30}s`,
      '-timeout_error',
      '-trace_msg',
      '-message_file',
      join(this.directory, 'messages.log'),
      '-trace_err',
      '-error_file',
      join(this.directory, 'errors.log'),
    ];
    if (options.service !== undefined) args.push('-s', options.service);
    for (const [name, value] of Object.entries(options.keys ?? {})) args.push('-key', name, value);
    if (options.remote !== undefined) args.push(options.remote);
    this.child = spawn('sipp', args, { cwd: this.directory, stdio: 'ignore' });
    this.exited = new Promise((done) => {
      this.child.once('exit', (code) => done({ code, trace: this.trace() }));
      this.child.once('error', (error) => done({ code: -1, trace: `sipp did not start: ${error.message}` }));
    });
  }

  /** Resolves once sipp holds its UDP port (read from /proc/net/udp), so nothing sent to it is lost. */
  async listening(): Promise<void> {
    const hexPort = this.options.port.toString(16).toUpperCase().padStart(4, '0');
    for (let attempt = 0; attempt < 100; attempt++) {
      if (!existsSync('/proc/net/udp')) return delay(300);
      if (readFileSync('/proc/net/udp', 'utf8').includes(`:${hexPort} `)) return;
      if (this.child.exitCode !== null) return;
      await delay(20);
    }
  }

  /** Kills the process if it still runs, and removes its logs. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private trace(): string {
    const read = (name: string) => {
      const file = join(this.directory, name);
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    };
    return `--- sipp ${this.options.scenario} on ${this.options.port}: errors ---\n${read('errors.log')}\n--- messages ---\n${read('messages.log')}`;
  }
}

/** Starts sipp processes for one test and stops every one of them afterwards. */
export class SippFleet {
  private readonly processes: SippProcess[] = [];

  /** A UAS (a callee behind the trunk) on its own port, listening once this resolves. */
  async callee(scenario: string, port: number, keys: Readonly<Record<string, string>> = {}): Promise<SippProcess> {
    const process = this.track(new SippProcess({ scenario, port, keys }));
    await process.listening();
    return process;
  }

  /** A UAC (the caller, a PBX or trunk) calling `service` at `remote`. */
  caller(
    scenario: string,
    {
      port,
      remote,
      service,
      keys = {},
    }: { port: number; remote: string; service: string; keys?: Readonly<Record<string, string>> },
  ): SippProcess {
    return this.track(new SippProcess({ scenario, port, remote, service, keys }));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.processes.splice(0).map((process) => process.stop()));
  }

  private track(process: SippProcess): SippProcess {
    this.processes.push(process);
    return process;
  }
}

/** Fails with sipp's trace unless the process ended its one call successfully (exit code 0). */
export function expectSuccess(result: SippResult): void {
  if (result.code !== 0) throw new Error(`sipp exited with ${result.code}\n${result.trace}`);
}

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
