/**
 * A balanced level (F26) on the answer path: Vonage's answer webhooks, signed, replayed over HTTP to
 * two gateways sharing MariaDB and Redis (as behind a load balancer): the team's first person rotates
 * from call to call whichever gateway answers, and the call-path preview shows who is next.
 */
import type { Ncco } from '@dutyline/vonage';
import { answerPayload } from '@dutyline/vonage/testing';
import { describeWithMariaDb, describeWithRedis, redisKeyPrefixes, redisUrl } from '@dutyline/test-support';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import { dataOf, seedSample } from '../testing/feature-fixtures';
import { nccoAction, signedVonageLine } from '../testing/signed-vonage-line';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

jest.setTimeout(60_000);

const SECRET = 'vonage-signature-secret-for-balanced-tests-0123';
const PUBLIC_URL = 'https://dutyline.example.com';
const SETTINGS: VonageSettings = {
  publicUrl: PUBLIC_URL,
  signatures: { verify: true, secret: SECRET, apiKey: null },
  ringbackToneUrl: null,
};
const BOB = '+33612345602';
const CAROL = '+33612345603';

const firstDialled = (ncco: Ncco | null) => {
  const endpoint = nccoAction(ncco, 'connect')?.endpoint[0];
  return endpoint?.type === 'phone' ? `+${endpoint.number}` : null;
};
/** `YYYY-MM-DD` `days` from today (UTC): a slot from two days back to two days on covers now in any zone. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeWithMariaDb('a balanced level across two gateways', () => {
  describeWithRedis('sharing MariaDB and Redis', () => {
    const prefixes = redisKeyPrefixes('balanced');
    let a: GatewayHarness;
    let b: GatewayHarness;
    beforeAll(async () => {
      const env = { REDIS_URL: redisUrl(), REDIS_PREFIX: prefixes.fresh() };
      const start = () =>
        startGateway({
          database: 'mariadb',
          env,
          override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(SETTINGS),
        });
      a = await start();
      b = await start();
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await prefixes.cleanUp();
    });

    it('rotates the first person from call to call, whichever gateway answers', async () => {
      const account = await a.newAccount();
      const sample = await seedSample(a, account);
      const token = account.tokens.supervisor;
      await dataOf(
        a.graphql(
          'mutation($input: UpdateHotlineInput!) { updateHotline(input: $input) { id } }',
          { input: { id: sample.hotlineId, levelStrategies: ['BALANCED'] } },
          { token },
        ),
      );
      await dataOf(
        a.graphql(
          'mutation($input: CreateSlotsInput!) { createSlots(input: $input) { version } }',
          {
            input: {
              hotlineId: sample.hotlineId,
              slots: [
                { start: `${day(-2)}T00:00`, end: `${day(2)}T00:00`, assignees: [{ kind: 'TEAM', id: sample.crew }] },
              ],
            },
          },
          { token },
        ),
      );
      const preview = async (gateway: GatewayHarness) =>
        (
          await dataOf(
            gateway.graphql(
              'query($h: ID!) { callPlan(hotlineId: $h) { steps { number } } }',
              { h: sample.hotlineId },
              { token },
            ),
          )
        ).callPlan.steps[0].number;
      const answerOn = async (gateway: GatewayHarness, n: number) => {
        const uuid = `balanced-${Date.now()}-${n}`;
        const fields = answerPayload({
          to: sample.hotlineNumber.slice(1),
          from: '33698765400',
          uuid,
          conversation_uuid: `CON-${uuid}`,
        });
        const answer = await signedVonageLine(gateway, { secret: SECRET, publicUrl: PUBLIC_URL }).answer(fields);
        expect(answer.status).toBe(200);
        return firstDialled(answer.ncco);
      };

      expect([await preview(a), await preview(b)]).toEqual([BOB, BOB]);
      const firsts = [];
      for (const [n, gateway] of [a, b, b, a, b].entries()) firsts.push(await answerOn(gateway, n));
      expect(firsts).toEqual([BOB, CAROL, BOB, CAROL, BOB]);
      expect([await preview(a), await preview(b)]).toEqual([CAROL, CAROL]);
    });
  });
});
