/**
 * The SIP proxy as the gateway runs it (SIP_* variables) on MariaDB, between real sipp processes: a
 * PBX sends a call to the hotline's number, the proxy rings the person on duty behind the trunk, and
 * the call shows in the GraphQL call log like any other.
 */
import type { Application, Caller } from '@dutyline/application';
import { SippFleet, expectSuccess, freeUdpPorts } from '@dutyline/sip/testing';
import { describeWithMariaDb, describeWithSipp } from '@dutyline/test-support';
import { APPLICATION } from '../application/application.module';
import { ConfigError } from '@dutyline/env';
import { readGatewayConfig } from '../config/gateway-config';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { SIP_PROXY } from './sip.tokens';

jest.setTimeout(30_000);

const run = String(Date.now() % 100_000).padStart(5, '0');
const HOTLINE = `+3314${run}21`;
const ALICE_MOBILE = `+3361${run}21`;

describe('SIP settings from the environment', () => {
  const config = (env: Record<string, string>) =>
    readGatewayConfig(
      { DATA_DIR: '/tmp/dutyline-sip-settings', AUTH_SECRET: 'x'.repeat(32), ...env },
      { cwd: '/', generatedSecret: () => 'x'.repeat(32) },
    );
  const problems = (env: Record<string, string>) => {
    try {
      config(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
      throw error;
    }
    return [];
  };

  it('is off without SIP_TARGET_URI, and on with it (the library defaults for the rest)', () => {
    expect(config({}).sip).toBeNull();
    expect(
      config({
        SIP_TARGET_URI: 'sip:{e164}@trunk.example.net',
        SIP_ALLOW_FROM: '10.0.0.2, 203.0.113.10',
        SIP_TARGET_URI_BY_PREFIX: '{"+3314000":"sip:{digits}@pbx.example.net"}',
      }).sip,
    ).toMatchObject({
      targetUri: 'sip:{e164}@trunk.example.net',
      port: 5060,
      bindAddress: '127.0.0.1',
      allowFrom: ['10.0.0.2', '203.0.113.10'],
      recordRoute: true,
      targetUriByPrefix: { '+3314000': 'sip:{digits}@pbx.example.net' },
    });
  });

  it.each([
    [{ SIP_TARGET_URI: 'sip:trunk.example.net' }, 'SIP_TARGET_URI'],
    [{ SIP_TARGET_URI: 'sip:{e164}@trunk.example.net', SIP_BIND_ADDRESS: '0.0.0.0' }, 'SIP_ADVERTISED_HOST'],
    [{ SIP_TARGET_URI: 'sip:{e164}@trunk.example.net', SIP_ALLOW_FROM: 'pbx.example.net' }, 'SIP_ALLOW_FROM'],
    [
      { SIP_TARGET_URI: 'sip:{e164}@trunk.example.net', SIP_TARGET_URI_BY_PREFIX: 'sip:x@y' },
      'SIP_TARGET_URI_BY_PREFIX',
    ],
    [{ SIP_TARGET_URI: 'sip:{e164}@trunk.example.net', SIP_PORT: '70000' }, 'SIP_PORT'],
    [{ SIP_TARGET_URI: 'sip:{e164}@trunk.example.net', SIP_VOICEMAIL_URI: 'sip:vm-{nope}@pbx' }, 'SIP_VOICEMAIL_URI'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(problems(env)).toEqual([variable]);
  });
});

describeWithMariaDb('SIP calls through the gateway (MariaDB)', () => {
  describeWithSipp('with sipp as the PBX and the phone behind the trunk', () => {
    const fleet = new SippFleet();
    let gateway: GatewayHarness;
    let alicePort: number;
    let callerPort: number;
    let token: string;

    beforeAll(async () => {
      [alicePort, callerPort] = await freeUdpPorts(2);
      gateway = await startGateway({
        database: 'mariadb',
        env: { SIP_TARGET_URI: `sip:{e164}@127.0.0.1:${alicePort}`, SIP_PORT: '0' },
      });
      const account = await gateway.newAccount();
      token = account.apiKey;
      const caller: Caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
      const app = gateway.app.get<Application>(APPLICATION);
      const alice = await app.directory.createPerson(caller, {
        name: 'Alice',
        contactNumbers: [{ number: ALICE_MOBILE, label: 'mobile', ringTimeoutSeconds: 20 }],
      });
      const hotline = await app.hotlines.createHotline(caller, {
        name: 'Chaufferie SIP',
        number: HOTLINE,
        timeZone: 'Europe/Paris',
        supervisorIds: [],
      });
      if (!hotline.ok) throw new Error(hotline.error.message);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const slots = await app.schedule.createSlots(caller, hotline.value.id, {
        slots: [{ start: `${day(-1)}T00:00`, end: `${day(2)}T00:00`, assignees: [{ kind: 'person', id: alice.id }] }],
      });
      if (!slots.ok) throw new Error(slots.error.message);
    });

    afterAll(async () => {
      await fleet.stopAll();
      await gateway?.close();
    });

    it("routes a PBX's call to the person on duty and logs it, answered and ended, with carrier sip", async () => {
      const proxy = gateway.app.get(SIP_PROXY);
      expect(proxy).not.toBeNull();
      const callee = await fleet.callee('callee-answers.xml', alicePort);
      const caller = fleet.caller('caller-answered.xml', {
        port: callerPort,
        remote: `127.0.0.1:${proxy!.address.port}`,
        service: HOTLINE,
      });
      expectSuccess(await caller.exited);
      expectSuccess(await callee.exited);

      const answer = await gateway.graphql(
        '{ calls(first: 5) { edges { node { carrier hotlineNumber caller outcome durationSeconds answeredBy { personName number } legs { number outcome } } } } }',
        {},
        { token },
      );
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.calls.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
        {
          carrier: 'sip',
          hotlineNumber: HOTLINE,
          caller: '+33612345678',
          outcome: 'ANSWERED',
          durationSeconds: expect.any(Number),
          answeredBy: { personName: 'Alice', number: ALICE_MOBILE },
          legs: [{ number: ALICE_MOBILE, outcome: 'CONFIRMED' }],
        },
      ]);
    });
  });
});
