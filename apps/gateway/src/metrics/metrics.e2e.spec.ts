/**
 * `GET /metrics` on a real gateway (SQLite): a call replayed as Vonage sends it (signed answer, a busy
 * leg, the caller hanging up in the voicemail) is counted by outcome, leg and webhook route; the
 * bearer token `METRICS_TOKEN` is required; a token in a path never becomes a label.
 */
import { randomInt } from 'node:crypto';
import type { Application, Caller } from '@dutyline/application';
import { answerPayload, callEventPayload, signVonageWebhook } from '@dutyline/vonage/testing';
import { APPLICATION } from '../application/application.module';
import { type GatewayHarness, startGateway } from '../testing/gateway-harness';
import type { VonageSettings } from '../vonage/vonage-settings';
import { VONAGE_SETTINGS } from '../vonage/vonage.tokens';

const SECRET = 'vonage-signature-secret-for-metrics-0123456789';
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const PUBLIC_URL = 'https://dutyline.example.com';
const number = (prefix: string) => `+33${prefix}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

/** One series' value in Prometheus text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics on the gateway', () => {
  let gateway: GatewayHarness;
  let hotlineNumber: string;

  beforeAll(async () => {
    const settings: VonageSettings = {
      publicUrl: PUBLIC_URL,
      signatures: { verify: true, secret: SECRET, apiKey: null },
      ringbackToneUrl: null,
    };
    gateway = await startGateway({
      database: 'sqlite',
      env: { METRICS_TOKEN },
      override: (builder) => builder.overrideProvider(VONAGE_SETTINGS).useValue(settings),
    });
    const account = await gateway.newAccount();
    const caller: Caller = { accountId: account.accountId, actor: { kind: 'user', id: account.users.admin.id } };
    const app: Application = gateway.app.get(APPLICATION);
    const alice = await app.directory.createPerson(caller, {
      name: 'Alice',
      contactNumbers: [{ number: number('61'), label: 'mobile', ringTimeoutSeconds: 20 }],
    });
    hotlineNumber = number('14');
    const hotline = await app.hotlines.createHotline(caller, {
      name: 'Chaufferie',
      number: hotlineNumber,
      timeZone: 'Europe/Paris',
      supervisorIds: [],
    });
    if (!hotline.ok) throw new Error('hotline not created');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slots = await app.schedule.createSlots(caller, hotline.value.id, {
      slots: [{ start: `${day(-1)}T00:00`, end: `${day(2)}T00:00`, assignees: [{ kind: 'person', id: alice.id }] }],
    });
    if (!slots.ok) throw new Error('slots not created');
  });

  afterAll(() => gateway?.close());

  const scrape = async (authorization = `Bearer ${METRICS_TOKEN}`) => {
    const response = await gateway.get('/metrics', { authorization });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };

  /** A webhook as Vonage signs it: GET with the fields in the query, or POST with a JSON body. */
  async function vonage(method: 'GET' | 'POST', path: string, fields: Record<string, string>): Promise<Response> {
    const rawQuery = method === 'GET' ? new URLSearchParams(fields).toString() : undefined;
    const rawBody = method === 'POST' ? JSON.stringify(fields) : undefined;
    const authorization = signVonageWebhook({
      secret: SECRET,
      issuedAt: Date.now(),
      ...(rawQuery !== undefined ? { rawQuery } : { rawBody }),
    });
    return fetch(`${gateway.url}${path}${rawQuery ? `?${rawQuery}` : ''}`, {
      method,
      body: rawBody,
      headers: { authorization, ...(rawBody ? { 'content-type': 'application/json' } : {}) },
    });
  }

  it('refuses a scrape without the bearer token, or with another one', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    const answer = await scrape();
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/plain');
    expect(answer.text).toContain('process_resident_memory_bytes');
    expect(answer.text).toMatch(/^dutyline_db_pool_size 1$/m);
  });

  it('counts a replayed call: its outcome, its leg, the webhooks by route pattern', async () => {
    const before = (await scrape()).text;
    const callerLeg = `caller-${randomInt(0, 1e9)}`;
    const answer = await vonage(
      'GET',
      '/vonage/answer',
      answerPayload({
        to: hotlineNumber.slice(1),
        from: '33699999999',
        uuid: callerLeg,
        conversation_uuid: `CON-${callerLeg}`,
      }),
    );
    const ncco = (await answer.json()) as { action: string; eventUrl?: string[] }[];
    const legEventUrl = ncco.find((action) => action.action === 'connect')?.eventUrl?.[0];
    expect(legEventUrl).toMatch(/\/vonage\/legs\/[^/]+\/0\/event$/);
    const busy = await vonage(
      'POST',
      new URL(legEventUrl!).pathname,
      callEventPayload('busy', { uuid: `callee-${callerLeg}`, sip_code: '486' }) as Record<string, string>,
    );
    expect(JSON.stringify(await busy.json())).toContain('record');
    expect(
      (
        await vonage(
          'POST',
          '/vonage/event',
          callEventPayload('completed', { uuid: callerLeg, direction: 'inbound', duration: '30' }) as Record<
            string,
            string
          >,
        )
      ).status,
    ).toBe(204);

    const after = (await scrape()).text;
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('dutyline_calls_started_total{plan_source="schedule"}')).toBe(1);
    expect(grew('dutyline_calls_total{outcome="voicemail"}')).toBe(1);
    expect(grew('dutyline_call_legs_total{outcome="busy"}')).toBe(1);
    expect(grew('dutyline_webhook_duration_seconds_count{carrier="vonage",route="/vonage/answer"}')).toBe(1);
    expect(
      grew('dutyline_webhook_duration_seconds_count{carrier="vonage",route="/vonage/legs/:callId/:step/event"}'),
    ).toBe(1);
    expect(grew('dutyline_http_request_duration_seconds_count{method="POST",route="/vonage/event",status="2xx"}')).toBe(
      1,
    );
    expect(after).not.toContain(callerLeg);
  });

  it('labels requests by route pattern: a voicemail token never shows', async () => {
    const secret = `tok${randomInt(0, 1e9)}abcdefghijklmnopqrstuvwxyz`;
    expect((await gateway.get(`/voicemail/${secret}`)).status).toBe(404);
    expect((await gateway.get(`/no/such/${secret}`)).status).toBe(404);
    const { text } = await scrape();
    expect(text).not.toContain(secret);
    expect(
      sample(text, 'dutyline_http_request_duration_seconds_count{method="GET",route="/voicemail/:token",status="4xx"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'dutyline_http_request_duration_seconds_count{method="GET",route="(other)",status="4xx"}'),
    ).toBeGreaterThanOrEqual(1);
  });
});
