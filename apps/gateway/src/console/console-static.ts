import fs from 'node:fs';
import path from 'node:path';
import type { JsonLogger } from '../logging/json-logger';

/** Paths that belong to the API and the carriers, never to the console's routes. */
const RESERVED = /^\/(graphql|vonage|voicemail|health|ready|metrics|calendar)(\/|$|\?)/i;
/** Vite names each asset by its content hash: cache it for a year. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The parts of Express's request and response this uses (Express types are not a dependency). */
interface StaticRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: { readonly accept?: string };
}
interface StaticResponse {
  sendFile(
    file: string,
    options: { maxAge?: number; immutable?: boolean; headers?: Record<string, string> },
    done: (error?: Error) => void,
  ): void;
  status(code: number): StaticResponse;
  type(type: string): StaticResponse;
  send(body: string): void;
}
type Next = (error?: unknown) => void;

/**
 * Serves the built console (`CONSOLE_DIR`) at `/`: its files as they are, hashed assets cached for a
 * year, and `index.html` (never cached) for any other page a browser asks for, so the console's own
 * routes survive a reload. API paths are left to the gateway. Without a build, pages say how to make one.
 */
export function consoleStatic(consoleDir: string, logger: JsonLogger) {
  const root = path.resolve(consoleDir);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    logger.entry('warn', 'the web console is not built: `npm run build -w @dutyline/console` (npm start does it)', {
      consoleDir: root,
    });
  }
  return (req: StaticRequest, res: StaticResponse, next: Next): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    const file = fileIn(root, req.path);
    if (file) {
      const hashed = HASHED_ASSET.test(req.path);
      res.sendFile(
        file,
        { maxAge: hashed ? YEAR_MS : 0, immutable: hashed, headers: hashed ? {} : { 'Cache-Control': 'no-cache' } },
        (error) => error && next(error),
      );
      return;
    }
    if (req.path.startsWith('/assets/') || !asksForPage(req)) return next();
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          'The Dutyline console is not built yet: run `npm run build -w @dutyline/console`, or `npm start`, which builds it.\n',
        );
      return;
    }
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
  };
}

/** A browser navigating asks for `text/html` by name; API clients (any type, JSON) are left to the gateway's routes. */
function asksForPage(req: StaticRequest): boolean {
  return /(^|,)\s*text\/html\b/i.test(req.headers.accept ?? '');
}

/** A regular file under `root` named by the URL path, or null (directories, `..`, missing files). */
function fileIn(root: string, urlPath: string): string | null {
  if (urlPath === '/' || urlPath.includes('\0')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}
