import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@dutyline/env';
import { AUTH_SECRET_FILE, generatedAuthSecret, loadGatewayConfig } from './generated-auth-secret';

describe('generatedAuthSecret', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-secret-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is created once, owner-readable only, and read back the same on every later start', () => {
    const dataDir = path.join(dir, 'data');
    const first = generatedAuthSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(generatedAuthSecret(dataDir)).toBe(first);
    expect(fs.statSync(path.join(dataDir, AUTH_SECRET_FILE)).mode & 0o777).toBe(0o600);
  });

  it('creates its folder 0700, and tightens a folder and a file others could read', () => {
    const umask = process.umask(0o022);
    try {
      const fresh = path.join(dir, 'fresh', 'data');
      generatedAuthSecret(fresh);
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);

      const loose = path.join(dir, 'loose');
      fs.mkdirSync(loose, { mode: 0o755 });
      fs.writeFileSync(path.join(loose, AUTH_SECRET_FILE), 'a-secret-written-by-an-earlier-version-0123456789', {
        mode: 0o644,
      });
      generatedAuthSecret(loose);
      expect([fs.statSync(loose).mode & 0o777, fs.statSync(path.join(loose, AUTH_SECRET_FILE)).mode & 0o777]).toEqual([
        0o700, 0o600,
      ]);
    } finally {
      process.umask(umask);
    }
  });

  it('refuses a truncated secret file rather than signing with it', () => {
    fs.writeFileSync(path.join(dir, AUTH_SECRET_FILE), 'abc');
    expect(() => generatedAuthSecret(dir)).toThrow(ConfigError);
  });

  it('is what loadGatewayConfig uses when AUTH_SECRET is unset', () => {
    const config = loadGatewayConfig({ DATA_DIR: 'state' }, dir);
    expect(config.authSecret).toEqual({ source: 'generated', value: generatedAuthSecret(path.join(dir, 'state')) });
  });
});
