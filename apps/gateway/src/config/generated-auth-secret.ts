import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, ConfigProblem } from '@dutyline/env';
import { AUTH_SECRET_FILE, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenMode } from './data-dir';
import { Environment, GatewayConfig, MIN_AUTH_SECRET_LENGTH, readGatewayConfig } from './gateway-config';

export { AUTH_SECRET_FILE };

/**
 * The embedded default's signing secret: created once (random, 48 bytes) in `<dataDir>/auth-secret`,
 * readable by the owner only (the folder 0700, the file 0600, looser modes tightened), and read back
 * on every later start so tokens survive restarts.
 */
export function generatedAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  const problem = (message: string): ConfigProblem => ({ variable: 'AUTH_SECRET', message });
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    tightenMode(dataDir, PRIVATE_DIR_MODE);
    try {
      fs.writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    tightenMode(file, PRIVATE_FILE_MODE);
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length < MIN_AUTH_SECRET_LENGTH) {
      throw new ConfigError([
        problem(
          `unset, and ${file} holds fewer than ${MIN_AUTH_SECRET_LENGTH} characters: delete it to have a new one generated`,
        ),
      ]);
    }
    return secret;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([
      problem(
        `unset, and no secret could be kept in ${file} (${(error as Error).message}); set AUTH_SECRET or DATA_DIR`,
      ),
    ]);
  }
}

/** The configuration of this process, from its environment and working directory. */
export const loadGatewayConfig = (env: Environment = process.env, cwd = process.cwd()): GatewayConfig =>
  readGatewayConfig(env, { cwd, generatedSecret: generatedAuthSecret });
