import fs from 'node:fs';
import path from 'node:path';
import type { GatewayConfig } from './gateway-config';

/** The generated signing secret's file in DATA_DIR. */
export const AUTH_SECRET_FILE = 'auth-secret';

/** Owner only. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Sets `mode` when group or others have any access to `target`; false when it was tight already or is absent. */
export function tightenMode(target: string, mode: number): boolean {
  let current: number;
  try {
    current = fs.statSync(target).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if ((current & 0o077) === 0) return false;
  fs.chmodSync(target, mode);
  return true;
}

/**
 * What the gateway keeps on disk is for its owner only: DATA_DIR 0700; the generated secret, the
 * SQLite file and its journals 0600; the outbox folder 0700 and its messages 0600. Each is created
 * so; looser modes left by an earlier version or by hand are tightened here, at start. Returns the
 * paths tightened.
 */
export function protectDataDir(config: Pick<GatewayConfig, 'dataDir' | 'database' | 'mail'>): string[] {
  const targets: [string, number][] = [
    [config.dataDir, PRIVATE_DIR_MODE],
    [path.join(config.dataDir, AUTH_SECRET_FILE), PRIVATE_FILE_MODE],
    [config.mail.outboxDir, PRIVATE_DIR_MODE],
  ];
  if (config.database.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) targets.push([`${config.database.file}${suffix}`, PRIVATE_FILE_MODE]);
  }
  if (fs.existsSync(config.mail.outboxDir)) {
    for (const entry of fs.readdirSync(config.mail.outboxDir, { withFileTypes: true })) {
      if (entry.isFile()) targets.push([path.join(config.mail.outboxDir, entry.name), PRIVATE_FILE_MODE]);
    }
  }
  return targets.filter(([target, mode]) => tightenMode(target, mode)).map(([target]) => target);
}
