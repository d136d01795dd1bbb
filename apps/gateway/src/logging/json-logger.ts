import { LoggerService } from '@nestjs/common';
import { LogLevel } from '../config/gateway-config';
import { RequestContext } from './request-context';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Nest's own start-up chatter (modules loaded, routes mapped) is debug, not info. */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

export type LogFields = Record<string, unknown>;

/** A text field of a log line, or an error's message, is cut to this many characters: request text cannot flood or forge the log. */
export const MAX_LOG_TEXT = 200;

/** `text` at most `MAX_LOG_TEXT` characters, marked when cut. */
export const cutForLog = (text: string): string =>
  text.length <= MAX_LOG_TEXT ? text : `${text.slice(0, MAX_LOG_TEXT)}… (${text.length} characters)`;

/**
 * One JSON object per line on stdout: `time`, `level`, `msg`, `context`, the current `requestId`,
 * then any fields given, each text cut to `MAX_LOG_TEXT` characters (a stack keeps its frames). Also
 * Nest's logger, so the framework logs the same way.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
    private readonly now: () => number = Date.now,
  ) {}

  enabled(level: LogLevel): boolean {
    return RANK[level] <= RANK[this.level];
  }

  /** Writes one structured line; `fields` may carry an `error` (its stack goes to `stack`). */
  entry(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (!this.enabled(level)) return;
    const { error, ...rest } = fields;
    const line: LogFields = { time: new Date(this.now()).toISOString(), level, msg };
    const requestId = RequestContext.requestId();
    if (requestId !== undefined) line.requestId = requestId;
    for (const [key, value] of Object.entries(rest))
      line[key] = typeof value === 'string' && key !== 'stack' ? cutForLog(value) : value;
    if (error instanceof Error)
      Object.assign(line, { error: cutForLog(`${error.name}: ${error.message}`), stack: stackOf(error) });
    else if (error !== undefined) line.error = cutForLog(String(error));
    this.write(`${safeJson(line)}\n`);
  }

  log(message: unknown, ...params: unknown[]): void {
    const { context } = split(params);
    this.entry(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', text(message), withContext(context));
  }

  error(message: unknown, ...params: unknown[]): void {
    const { context, rest } = split(params);
    const stack = rest.find((p): p is string => typeof p === 'string');
    const error = message instanceof Error ? message : undefined;
    this.entry('error', text(message), { ...withContext(context), ...(error ? { error } : stack ? { stack } : {}) });
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.entry('warn', text(message), withContext(split(params).context));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.entry('debug', text(message), withContext(split(params).context));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.debug(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.error(message, ...params);
  }
}

/** The error's stack, its first line (the message) cut like any text. */
function stackOf(error: Error): string | undefined {
  const head = `${error.name}: ${error.message}`;
  return error.stack?.startsWith(head) ? cutForLog(head) + error.stack.slice(head.length) : error.stack;
}

/** Nest passes the context as the last string argument. */
function split(params: unknown[]): { context?: string; rest: unknown[] } {
  const last = params[params.length - 1];
  return typeof last === 'string' && params.length > 0
    ? { context: last, rest: params.slice(0, -1) }
    : { rest: params };
}

const withContext = (context: string | undefined): LogFields => (context ? { context } : {});

const text = (message: unknown): string =>
  typeof message === 'string' ? message : message instanceof Error ? message.message : safeJson(message);

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
