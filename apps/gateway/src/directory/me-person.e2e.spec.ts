import { describeWithMariaDb } from '@dutyline/test-support';
import { GQL, dataOf, featureGateway } from '../testing/feature-fixtures';

const ME = '{ me { role user { email } person { id name } } }';

function mePersonOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database);

  it("answers the signed-in user's own person, by e-mail whatever its case; null for an API key or a user without one", async () => {
    // The local part keeps its case when stored: `SUPERVISOR@…` is still the user's `supervisor@…`.
    const email = f.account.users.supervisor.email.replace(/^[^@]+/, (local) => local.toUpperCase());
    const own = (await dataOf(f.as(GQL.CREATE_PERSON, { input: { name: 'Sam Supervisor', email } }))).createPerson;
    expect(own.email).not.toBe(f.account.users.supervisor.email);
    await dataOf(f.as(GQL.CREATE_PERSON, { input: { name: 'Someone else', email: 'someone.else@example.com' } }));

    const asSupervisor = (await dataOf(f.as(ME))).me;
    expect(asSupervisor).toEqual({
      role: 'SUPERVISOR',
      user: { email: f.account.users.supervisor.email },
      person: { id: own.id, name: 'Sam Supervisor' },
    });
    const asMember = (await dataOf(f.gateway.graphql(ME, {}, { token: f.account.tokens.member }))).me;
    expect(asMember).toMatchObject({ role: 'MEMBER', person: null });
    const asKey = (await dataOf(f.gateway.graphql(ME, {}, { token: f.account.apiKey }))).me;
    expect(asKey).toEqual({ role: 'ADMIN', user: null, person: null });
  });
}

describe('me { person } over HTTP on SQLite', () => mePersonOver('sqlite'));
describeWithMariaDb('me { person } over HTTP on MariaDB', () => mePersonOver('mariadb'));
