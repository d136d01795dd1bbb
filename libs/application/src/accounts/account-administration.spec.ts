import { DEFAULT_CALLBACK_POLICY, EmailAddress, ValidationError, onCallPattern } from '@dutyline/domain';
import { TEST_ACCOUNT, aHotline, aPerson, aSlot, aTeam, anOverride, personRef } from '@dutyline/domain/testing';
import { InMemoryDutyline } from '../testing';
import { AccountAdministration } from './account-administration';
import { AccountChangeAnnouncer, PasswordHashing } from './ports';
import { exportAccount } from './account-export';

const passwords: PasswordHashing = {
  acceptable: (password, field) => {
    if (password.length < 10) throw new ValidationError('WEAK_PASSWORD', 'at least 10 characters', field);
    return password;
  },
  hash: async (password) => `hashed:${password}`,
};

function setUp(announcer?: AccountChangeAnnouncer) {
  const ports = new InMemoryDutyline();
  return {
    ports,
    admin: new AccountAdministration({
      accounts: ports.accounts,
      passwords,
      clock: ports.clock,
      ids: ports.ids,
      announcer,
    }),
  };
}

const opening = {
  name: '  Acme Facilities ',
  adminEmail: 'Admin@Acme.Example',
  adminPassword: 'correct horse battery',
};

describe('operating accounts', () => {
  it('opens an account with its admin, named after the e-mail unless told, the password hashed', async () => {
    const { ports, admin } = setUp();
    const opened = await admin.open(opening);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.account).toEqual({
      id: 'id-1',
      name: 'Acme Facilities',
      createdAt: ports.clock.now(),
      disabledAt: null,
    });
    expect(await ports.accounts.userByEmail('id-1', EmailAddress.parse('admin@acme.example'))).toEqual({
      id: 'id-2',
      accountId: 'id-1',
      email: EmailAddress.parse('Admin@acme.example'),
      name: 'Admin',
      role: 'admin',
      passwordHash: 'hashed:correct horse battery',
      createdAt: ports.clock.now(),
    });
    const named = await admin.open({ ...opening, adminEmail: 'other@acme.example', adminName: 'Chloé Petit' });
    expect(named.ok && named.value.admin.name).toBe('Chloé Petit');
  });

  it('refuses an e-mail a user of any account signs in with, whatever its case', async () => {
    const { ports, admin } = setUp();
    await ports.accounts.createAccount({ id: TEST_ACCOUNT, name: 'Existing', createdAt: 0 });
    await ports.accounts.saveUser({
      id: 'u1',
      accountId: TEST_ACCOUNT,
      email: EmailAddress.parse('admin@acme.example'),
      name: 'Someone',
      role: 'member',
      passwordHash: 'x',
      createdAt: 0,
    });
    expect(await admin.open(opening)).toEqual({
      ok: false,
      error: { code: 'EMAIL_TAKEN', message: 'Admin@acme.example already signs in to an account', field: 'adminEmail' },
    });
    expect((await admin.list()).map((s) => s.account.id)).toEqual([TEST_ACCOUNT]);
  });

  it.each([
    ['name', { name: ' ' }, 'REQUIRED'],
    ['adminEmail', { adminEmail: 'not an e-mail' }, 'INVALID_EMAIL'],
    ['adminName', { adminName: 'x'.repeat(121) }, 'TOO_LONG'],
    ['adminPassword', { adminPassword: 'short' }, 'WEAK_PASSWORD'],
  ])('refuses a bad %s, naming it', async (field, change, code) => {
    const { admin } = setUp();
    await expect(admin.open({ ...opening, ...change })).rejects.toMatchObject({ code, field });
  });

  it('disables and enables an account, announcing each change; an unknown account is NOT_FOUND', async () => {
    const announced: string[] = [];
    const { ports, admin } = setUp({ accountChanged: async (id) => void announced.push(id) });
    await ports.accounts.createAccount({ id: TEST_ACCOUNT, name: 'Existing', createdAt: 0 });

    expect(await admin.disable(TEST_ACCOUNT)).toEqual({ ok: true, value: { announced: true } });
    expect((await ports.accounts.account(TEST_ACCOUNT))?.disabledAt).toBe(ports.clock.now());
    expect(await admin.enable(TEST_ACCOUNT)).toEqual({ ok: true, value: { announced: true } });
    expect((await ports.accounts.account(TEST_ACCOUNT))?.disabledAt).toBeNull();
    expect(await admin.disable('nope')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'account nope not found', field: 'accountId' },
    });
    expect(announced).toEqual([TEST_ACCOUNT, TEST_ACCOUNT]);
  });

  it('keeps a change whose announcement failed, and says why', async () => {
    const { ports, admin } = setUp({ accountChanged: async () => Promise.reject(new Error('Redis is away')) });
    await ports.accounts.createAccount({ id: TEST_ACCOUNT, name: 'Existing', createdAt: 0 });
    expect(await admin.delete(TEST_ACCOUNT)).toEqual({
      ok: true,
      value: { announced: false, reason: 'Redis is away' },
    });
    expect(await ports.accounts.account(TEST_ACCOUNT)).toBeUndefined();
  });
});

describe('exporting an account', () => {
  it('gives every part of the account as plain JSON with a version, without password hashes or key secrets', async () => {
    const { ports, admin } = setUp();
    const opened = await admin.open(opening);
    if (!opened.ok) throw new Error('not opened');
    const accountId = opened.value.account.id;
    const alice = { ...aPerson({ id: 'alice', name: 'Alice', email: 'alice@acme.example' }), accountId };
    const crew = { ...aTeam([alice], { id: 'crew', name: 'Crew' }), accountId };
    const hotline = {
      ...aHotline({
        id: 'hl-1',
        name: 'Boiler room',
        number: '+33140000000',
        timeZone: 'Europe/Paris',
        levelStrategies: ['balanced'],
      }),
      accountId,
    };
    await ports.people.savePerson(alice);
    await ports.teams.saveTeam(crew);
    await ports.hotlines.save(hotline);
    await ports.schedules.applyChange(accountId, 'hl-1', {
      expectedVersion: 0,
      change: {
        added: [
          aSlot('hl-1', {
            start: '2027-03-27T22:00',
            end: '2027-03-28T06:00',
            assignees: [personRef(alice)],
            id: 's-1',
          }),
        ],
        updated: [],
        removedIds: [],
      },
    });
    await ports.schedules.saveOverride(
      accountId,
      anOverride('hl-1', {
        start: '2027-03-01T08:00:00Z',
        end: '2027-03-01T10:00:00Z',
        assignees: [personRef(alice)],
        id: 'o-1',
        reason: 'cover',
      }),
    );
    await ports.patterns.savePattern({
      id: 'p-1',
      accountId,
      ...onCallPattern({ name: 'Nights', windows: [{ days: ['mon'], start: '22:00', end: '06:00', endDayOffset: 1 }] }),
    });
    await ports.callbackSettings.saveCallbackSettings({
      accountId,
      service: { kind: 'hotline', id: 'hl-1' },
      policy: DEFAULT_CALLBACK_POLICY,
      updatedAt: 0,
    });
    await ports.apiKeys.createApiKey({
      id: 'k-1',
      accountId,
      name: 'CI',
      prefix: 'dl_abcdef',
      hash: 'sha256-secret',
      role: 'supervisor',
      createdAt: 0,
      revokedAt: null,
      lastUsedAt: null,
    });

    const exported = await exportAccount({ ...ports, schedules: ports.schedules }, accountId);
    if (!exported.ok) throw new Error('not exported');
    const document = JSON.parse(JSON.stringify(exported.value));
    expect(document).toMatchObject({
      version: 1,
      account: { id: accountId, name: 'Acme Facilities', disabledAt: null },
      users: [{ email: 'Admin@acme.example', name: 'Admin', role: 'admin' }],
      apiKeys: [
        {
          id: 'k-1',
          name: 'CI',
          prefix: 'dl_abcdef',
          role: 'supervisor',
          createdAt: '1970-01-01T00:00:00.000Z',
          revokedAt: null,
        },
      ],
      people: [
        {
          id: 'alice',
          name: 'Alice',
          email: 'alice@acme.example',
          maxSimultaneousCalls: 1,
          contactNumbers: [expect.objectContaining({ enabled: true })],
        },
      ],
      teams: [{ id: 'crew', name: 'Crew', memberIds: ['alice'], callbackSettings: null }],
      hotlines: [
        {
          id: 'hl-1',
          number: '+33140000000',
          timeZone: 'Europe/Paris',
          levelStrategies: ['balanced'],
          schedule: {
            version: 1,
            slots: [
              {
                id: 's-1',
                start: '2027-03-27T22:00',
                end: '2027-03-28T06:00',
                assignees: [{ kind: 'person', id: 'alice' }],
              },
            ],
          },
          overrides: [
            { id: 'o-1', start: '2027-03-01T08:00:00.000Z', end: '2027-03-01T10:00:00.000Z', reason: 'cover' },
          ],
          callbackSettings: { policy: DEFAULT_CALLBACK_POLICY, updatedAt: '1970-01-01T00:00:00.000Z' },
        },
      ],
      patterns: [
        { id: 'p-1', name: 'Nights', windows: [{ days: ['MON'], start: '22:00', end: '06:00', endDayOffset: 1 }] },
      ],
    });
    const text = JSON.stringify(document);
    expect(text).not.toContain('hashed:');
    expect(text).not.toContain('sha256-secret');
    expect(await exportAccount(ports, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'accountId' },
    });
  });
});
