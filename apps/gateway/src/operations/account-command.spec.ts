import { formatAccounts, parseCommand } from './account-command';

describe('the account command line', () => {
  it.each([
    [
      ['create', '--name', 'Acme', '--admin-email', 'a@acme.example'],
      { kind: 'create', name: 'Acme', adminEmail: 'a@acme.example', adminName: null, passwordStdin: false },
    ],
    [
      ['create', '--name=Acme', '--admin-email=a@acme.example', '--admin-name', 'Chloé', '--password-stdin'],
      { kind: 'create', name: 'Acme', adminEmail: 'a@acme.example', adminName: 'Chloé', passwordStdin: true },
    ],
    [['list'], { kind: 'list' }],
    [['disable', 'acct-1'], { kind: 'disable', accountId: 'acct-1' }],
    [['delete', 'acct-1'], { kind: 'delete', accountId: 'acct-1', confirmed: false }],
    [['delete', '--yes', 'acct-1'], { kind: 'delete', accountId: 'acct-1', confirmed: true }],
    [['export', 'acct-1', '--help'], { kind: 'help' }],
    [[], { kind: 'help' }],
  ])('reads %j', (argv, command) => {
    expect(parseCommand(argv)).toEqual(command);
  });

  it.each([
    [['open'], 'unknown command "open"'],
    [['create', '--admin-email', 'a@acme.example'], '--name is required'],
    [['create', '--name', 'Acme'], '--admin-email is required'],
    [['create', '--name', '--admin-email', 'a@acme.example'], '--name needs a value'],
    [['create', '--name', 'Acme', '--admin-email', 'a@acme.example', '--yes'], '--yes is not an option of create'],
    [
      ['create', '--name', 'Acme', '--admin-email', 'a@acme.example', '--password-stdin=x'],
      '--password-stdin takes no value',
    ],
    [['disable'], 'disable needs the account id'],
    [['enable', 'a', 'b'], 'enable takes one account id, got 2'],
    [['list', 'a'], 'list takes no account id, got "a"'],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('lists accounts in aligned columns, in UTC', () => {
    expect(
      formatAccounts([
        {
          account: { id: 'a1', name: 'Acme', createdAt: Date.UTC(2027, 0, 4, 9), disabledAt: null },
          users: 3,
          hotlines: 1,
        },
        {
          account: {
            id: 'account-2',
            name: 'Zed & Co',
            createdAt: Date.UTC(2027, 1, 1),
            disabledAt: Date.UTC(2027, 2, 1, 10, 30),
          },
          users: 12,
          hotlines: 0,
        },
      ]).split('\n'),
    ).toEqual([
      'ID         NAME      CREATED                   USERS  HOTLINES  DISABLED',
      'a1         Acme      2027-01-04T09:00:00.000Z  3      1         -',
      'account-2  Zed & Co  2027-02-01T00:00:00.000Z  12     0         2027-03-01T10:30:00.000Z',
    ]);
  });
});
