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

  it('refuses a truncated secret file rather than signing with it', () => {
    fs.writeFileSync(path.join(dir, AUTH_SECRET_FILE), 'abc');
    expect(() => generatedAuthSecret(dir)).toThrow(ConfigError);
  });

  it('is what loadGatewayConfig uses when AUTH_SECRET is unset', () => {
    const config = loadGatewayConfig({ DATA_DIR: 'state' }, dir);
    expect(config.authSecret).toEqual({ source: 'generated', value: generatedAuthSecret(path.join(dir, 'state')) });
  });
});
