import { ValidationError } from '@dutyline/domain';
import { type Derive, DEFAULT_SCRYPT_COST, PasswordHasher, Semaphore, acceptablePassword } from './password-hasher';

// A cheap cost keeps the table fast; one case checks the production cost.
const hasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the right password and refuses others', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('salts: the same password never hashes the same twice', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('keeps its cost in the stored form and hashes at N = 2^17, r = 8, p = 1 (128 MiB) by default', async () => {
    const stored = await new PasswordHasher().hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r * 128).toBe(128 * 1024 * 1024);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(true);
  });

  it('asks for a rehash of a hash stored at the former default cost, 2^15', async () => {
    const former = await new PasswordHasher({ N: 2 ** 15, r: 8, p: 1 }).hash('correct horse battery');
    expect(new PasswordHasher().needsRehash(former)).toBe(true);
    expect(new PasswordHasher().needsRehash(await new PasswordHasher().hash('x'.repeat(10)))).toBe(false);
  });

  it('runs at most maxConcurrent hashes at once (2 by default); the others wait their turn', async () => {
    let running = 0;
    let most = 0;
    const held: (() => void)[] = [];
    const derive: Derive = (_password, _salt, { keyLength }) => {
      running += 1;
      most = Math.max(most, running);
      return new Promise((resolve) =>
        held.push(() => {
          running -= 1;
          resolve(Buffer.alloc(keyLength));
        }),
      );
    };
    const limited = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 }, { derive });
    const stored = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const logins = Array.from({ length: 8 }, () => limited.verify('whatever password', stored));
    for (let released = 0; released < 8; released++) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBe(Math.min(2, 8 - released));
      held.shift()!();
    }
    expect(await Promise.all(logins)).toEqual(Array(8).fill(true));
    expect(most).toBe(2);
  });

  it.each([
    '',
    'plain',
    'scrypt$1$2$3',
    'scrypt$99999999$8$1$c2FsdA==$aGFzaA==',
    'bcrypt$x$y$z$w$v',
    'scrypt$1024$8$1$c2FsdA==$',
  ])('answers false for the stored value %j that is not one of its hashes', async (stored) => {
    expect(await hasher.verify('whatever password', stored)).toBe(false);
  });

  it('spends a verification on unknown e-mails and answers false', async () => {
    expect(await hasher.verifyNothing('guess')).toBe(false);
  });
});

describe('Semaphore', () => {
  it('frees its slot when a task fails', async () => {
    const one = new Semaphore(1);
    await expect(one.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await one.run(async () => 'next')).toBe('next');
  });

  it('refuses fewer than one slot, naming maxConcurrent', () => {
    expect(() => new Semaphore(0)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'maxConcurrent' }));
  });
});

describe('acceptablePassword', () => {
  it.each([
    ['short', 'WEAK_PASSWORD'],
    ['123456789', 'WEAK_PASSWORD'],
    ['x'.repeat(201), 'TOO_LONG'],
  ])('refuses %j with %s on the field', (password, code) => {
    expect(() => acceptablePassword(password, 'input.password')).toThrow(
      expect.objectContaining({ code, field: 'input.password' }),
    );
    expect(() => acceptablePassword(password)).toThrow(ValidationError);
  });

  it('accepts ten characters and more', () => {
    expect(acceptablePassword('0123456789')).toBe('0123456789');
  });
});
