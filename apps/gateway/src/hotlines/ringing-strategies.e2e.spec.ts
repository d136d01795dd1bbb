import { describeWithMariaDb } from '@dutyline/test-support';
import { dataOf, expectCleanError, featureGateway, freshHotlineNumber, GQL } from '../testing/feature-fixtures';

const UPDATE = 'mutation($input: UpdateHotlineInput!) { updateHotline(input: $input) { id levelStrategies } }';
const READ = 'query($id: ID!) { hotline(id: $id) { levelStrategies } }';
const CALL_PLAN =
  'query($h: ID!, $at: Instant) { callPlan(hotlineId: $h, at: $at) { steps { kind personName level group } } }';

const SIMULATE = `mutation($h: ID!, $at: Instant, $outcomes: [String!]!) {
  simulateCall(hotlineId: $h, at: $at, outcomes: $outcomes) {
    text call { outcome answeredBy { personName } legs { outcome } }
  }
}`;

const team = (id: string) => ({ kind: 'TEAM', id });
const AT = '2026-03-29T01:30:00Z'; // 03:30 CEST, just after the spring jump

function strategiesOver(database: 'sqlite' | 'mariadb') {
  const f = featureGateway(database, { sample: true });
  const as = f.as;
  /** A hotline of its own with the crew (Bob, Carol) on duty through the night of the jump, then Alice. */
  const crewOnDuty = async () => {
    const h = (
      await dataOf(
        as(GQL.CREATE_HOTLINE, {
          input: { name: 'Strategies', number: freshHotlineNumber(), timeZone: 'Europe/Paris' },
        }),
      )
    ).createHotline.id as string;
    await dataOf(
      as(GQL.CREATE_SLOTS, {
        input: {
          hotlineId: h,
          slots: [
            {
              start: '2026-03-28T22:00',
              end: '2026-03-29T06:00',
              assignees: [team(f.sample.crew), { kind: 'PERSON', id: f.sample.alice }],
            },
          ],
        },
      }),
    );
    return h;
  };
  const plan = async (h: string) =>
    (await dataOf(as(CALL_PLAN, { h, at: AT }))).callPlan.steps.map(
      (s: { kind: string; personName: string | null; level: number | null; group: number | null }) =>
        s.kind === 'DIAL' ? `${s.personName}@${s.level}${s.group === null ? '' : ` g${s.group}`}` : s.kind,
    );

  it('a new hotline rings every level in order; strategies are kept per level and shown in the call plan', async () => {
    const h = await crewOnDuty();
    expect((await dataOf(as(READ, { id: h }))).hotline.levelStrategies).toEqual([]);
    expect(await plan(h)).toEqual(['Bob@0', 'Carol@0', 'Alice@1', 'VOICEMAIL']);

    const updated = (await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['ALL_AT_ONCE', 'BALANCED'] } })))
      .updateHotline;
    expect(updated.levelStrategies).toEqual(['ALL_AT_ONCE', 'BALANCED']);
    expect((await dataOf(as(READ, { id: h }))).hotline.levelStrategies).toEqual(['ALL_AT_ONCE', 'BALANCED']);
    expect(await plan(h)).toEqual(['Bob@0 g0', 'Carol@0 g0', 'Alice@1', 'VOICEMAIL']);
  });

  it('the preview of a balanced level shows who the next call gets, and asking again does not rotate it', async () => {
    const h = await crewOnDuty();
    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['BALANCED'] } }));
    expect(await plan(h)).toEqual(['Bob@0', 'Carol@0', 'Alice@1', 'VOICEMAIL']);
    expect(await plan(h)).toEqual(['Bob@0', 'Carol@0', 'Alice@1', 'VOICEMAIL']);
  });

  it('simulateCall rings an all-at-once level together, and a dry run does not take the balanced turn', async () => {
    const h = await crewOnDuty();
    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['ALL_AT_ONCE'] } }));
    const simulated = (await dataOf(as(SIMULATE, { h, at: AT, outcomes: ['no-answer', 'answer'] }))).simulateCall;
    expect(simulated.text).toContain('These numbers ring together');
    expect(simulated.call).toEqual({
      outcome: 'ANSWERED',
      answeredBy: { personName: 'Carol' },
      legs: [{ outcome: 'NO_ANSWER' }, { outcome: 'CONFIRMED' }],
    });

    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['BALANCED'] } }));
    for (let i = 0; i < 2; i++) {
      const dryRun = (await dataOf(as(SIMULATE, { h, at: AT, outcomes: ['answer'] }))).simulateCall;
      expect(dryRun.call.answeredBy).toEqual({ personName: 'Bob' });
    }
    expect(await plan(h)).toEqual(['Bob@0', 'Carol@0', 'Alice@1', 'VOICEMAIL']);
  });

  it('leaving levelStrategies out keeps them; [] puts every level back in order', async () => {
    const h = await crewOnDuty();
    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['ALL_AT_ONCE'] } }));
    await dataOf(as(UPDATE, { input: { id: h, name: 'Renamed' } }));
    expect((await dataOf(as(READ, { id: h }))).hotline.levelStrategies).toEqual(['ALL_AT_ONCE']);
    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: [] } }));
    expect((await dataOf(as(READ, { id: h }))).hotline.levelStrategies).toEqual([]);
  });

  it('refuses an unknown strategy, naming the field, changing nothing', async () => {
    const h = await crewOnDuty();
    await dataOf(as(UPDATE, { input: { id: h, levelStrategies: ['BALANCED'] } }));
    const answer = await as(UPDATE, { input: { id: h, levelStrategies: ['BALANCED', 'RANDOM'] } });
    expectCleanError(answer);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(answer.body.errors?.[0].extensions?.field).toMatch(/^input\.levelStrategies/);
    expect((await dataOf(as(READ, { id: h }))).hotline.levelStrategies).toEqual(['BALANCED']);
  });
}

describe('ringing strategies over HTTP on SQLite', () => strategiesOver('sqlite'));
describeWithMariaDb('ringing strategies over HTTP on MariaDB', () => strategiesOver('mariadb'));
