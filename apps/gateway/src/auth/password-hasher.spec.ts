import { ValidationError } from '@dutyline/domain';
import { DEFAULT_SCRYPT_COST, PasswordHasher, acceptablePassword } from './password-hasher';

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

  it('keeps its cost in the stored form and hashes with 32 MiB by default', async () => {
    const stored = await new PasswordHasher().hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r * 128).toBe(32 * 1024 * 1024);
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$1$2$3', 'scrypt$99999999$8$1$c2FsdA==$aGFzaA==', 'bcrypt$x$y$z$w$v', 'scrypt$1024$8$1$c2FsdA==$'])(
    'answers false for the stored value %j that is not one of its hashes',
    async (stored) => {
      expect(await hasher.verify('whatever password', stored)).toBe(false);
    },
  );

  it('spends a verification on unknown e-mails and answers false', async () => {
    expect(await hasher.verifyNothing('guess')).toBe(false);
  });
});

describe('acceptablePassword', () => {
  it.each([
    ['short', 'WEAK_PASSWORD'],
    ['123456789', 'WEAK_PASSWORD'],
    ['x'.repeat(201), 'TOO_LONG'],
  ])('refuses %j with %s on the field', (password, code) => {
    expect(() => acceptablePassword(password, 'input.password')).toThrow(expect.objectContaining({ code, field: 'input.password' }));
    expect(() => acceptablePassword(password)).toThrow(ValidationError);
  });

  it('accepts ten characters and more', () => {
    expect(acceptablePassword('0123456789')).toBe('0123456789');
  });
});
