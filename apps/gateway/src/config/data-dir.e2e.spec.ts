/**
 * What a gateway keeps on disk is for its owner only: DATA_DIR 0700, the SQLite file and its journals
 * 0600 when it creates them, and looser modes found at start tightened (outbox and secret included).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from '../testing/gateway-harness';
import { AUTH_SECRET_FILE } from './data-dir';

const modeOf = (target: string) => fs.statSync(target).mode & 0o777;

describe('DATA_DIR for the owner only', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-data-dir-'));
    // The usual umask, so that nothing is private unless the gateway makes it so.
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates DATA_DIR 0700 and the SQLite file and its journals 0600', async () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const gateway = await startGateway({ database: 'sqlite', env: { DATA_DIR: dataDir } });
    try {
      await gateway.get('/health');
      const sqlite = path.join(dataDir, 'dutyline.sqlite');
      expect(modeOf(dataDir)).toBe(0o700);
      expect([sqlite, `${sqlite}-wal`, `${sqlite}-shm`].map(modeOf)).toEqual([0o600, 0o600, 0o600]);
    } finally {
      await gateway.close();
    }
  });

  it('tightens what an earlier version left readable by others at start, and says so', async () => {
    const dataDir = path.join(root, 'data');
    const outbox = path.join(dataDir, 'outbox');
    const loose = {
      [dataDir]: 0o755,
      [outbox]: 0o755,
      [path.join(dataDir, AUTH_SECRET_FILE)]: 0o644,
      [path.join(dataDir, 'dutyline.sqlite')]: 0o644,
      [path.join(outbox, 'voicemail.eml')]: 0o644,
    };
    fs.mkdirSync(outbox, { recursive: true });
    for (const [target, mode] of Object.entries(loose)) {
      if (!fs.existsSync(target)) fs.writeFileSync(target, target.endsWith('.sqlite') ? '' : 'x');
      fs.chmodSync(target, mode);
    }
    const gateway = await startGateway({ database: 'sqlite', env: { DATA_DIR: dataDir } });
    try {
      expect(Object.keys(loose).map((target) => [target, modeOf(target)])).toEqual(
        Object.keys(loose).map((target) => [target, fs.statSync(target).isDirectory() ? 0o700 : 0o600]),
      );
      expect(gateway.logs).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'data files were readable by others: now for the owner only' }),
      );
    } finally {
      await gateway.close();
    }
  });
});
