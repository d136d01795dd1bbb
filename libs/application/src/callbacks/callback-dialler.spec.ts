import { HOUR_MS, MINUTE_MS, parseInstant } from '@dutyline/domain';
import { refusalOf, valueOf } from '../testing';
import { CallbackWorld, callbackWorld } from './testing';

const t = (iso: string) => parseInstant(iso);
const OPENED = t('2027-03-20T09:00:00Z');
const [ALICE, BOB, CAROL] = ['+33612345601', '+33612345602', '+33612345603'];

/** Automatic mode; the crew (Bob, then Carol) on duty all day, Alice supervising; one request opened at 09:00Z. */
async function automatic(policy = {}) {
  const w = await callbackWorld({
    policy: {
      mode: 'automatic',
      maxAttempts: 3,
      minHoursBetweenAttempts: 2,
      agentRetryMinutes: 5,
      claimMinutes: 15,
      ...policy,
    },
  });
  valueOf(
    await w.app.schedule.createSlots(w.caller, w.hotline.id, {
      slots: [{ start: '2027-03-20T08:00', end: '2027-03-20T23:00', assignees: [{ kind: 'team', id: w.crew.id }] }],
    }),
  );
  const request = valueOf(
    await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '06 98 76 54 32' }),
  ).request;
  return { ...w, request };
}

/** Runs the jobs due now, as a worker would, and what each found. */
async function runDueJobs(w: CallbackWorld) {
  const due = w.jobs.jobs.filter((job) => (job.options.runAt ?? 0) <= w.clock.now());
  w.jobs.jobs.splice(0, w.jobs.jobs.length, ...w.jobs.jobs.filter((job) => !due.includes(job)));
  return Promise.all(due.map((job) => w.callbacks.dialler.runAttempt(job.payload)));
}

const stored = async (w: CallbackWorld, id: string) => (await w.store.load('acct-a', id))!;

describe('CallbackDialler: automatic attempts (F20)', () => {
  it('enqueues a job when the request is opened, rings the person on duty first, who must press 1, then puts the caller through', async () => {
    const w = await automatic();
    expect(w.jobs.ids()).toEqual([`callback-${w.request.id}-${OPENED}`]);
    expect(await runDueJobs(w)).toEqual(['dialling']);
    const [dial] = w.carrier.dials;
    expect(dial).toMatchObject({ to: { e164: BOB }, from: { e164: '+33140000000' }, ringTimeoutSeconds: 25 });
    expect(dial.confirmation).toEqual({
      kind: 'text',
      language: 'en-GB',
      text: 'Callback request for Maintenance on-call: plus 3 3 6 9 8 7 6 5 4 3 2. Press 1 to call them now.',
    });
    // While the call runs the dialler holds the request; the job due at the claim's end watches for a lost call.
    expect(valueOf(await w.callbacks.requests.request(w.admin, w.request.id))).toMatchObject({
      claimedBy: 'dialler',
      callInProgress: true,
    });
    expect(w.jobs.ids()).toEqual([`callback-${w.request.id}-${OPENED + 15 * MINUTE_MS}`]);

    w.clock.advance(20_000);
    expect(await w.callbacks.dialler.agentConfirmation({ carrierCallId: dial.callId, digits: '1' })).toEqual({
      kind: 'connect-caller',
      callId: dial.callId.replace(/_0$/, ''),
      to: '+33698765432',
      from: '+33140000000',
      ringTimeoutSeconds: 30,
    });
    await w.callbacks.dialler.callerAnswered({ callId: dial.callId.replace(/_0$/, '') });
    const done = valueOf(await w.callbacks.requests.request(w.admin, w.request.id));
    expect(done).toMatchObject({
      status: 'done',
      callInProgress: false,
      claimedBy: null,
      attempts: [{ outcome: 'answered', by: null }],
    });
    expect(w.jobs.ids()).toEqual([`callback-${w.request.id}-${OPENED + 15 * MINUTE_MS}`]);
    expect(await runDueJobs(w)).toEqual([]);
    w.clock.advance(15 * MINUTE_MS);
    expect(await runDueJobs(w)).toEqual(['stale']);
  });

  it('counts an attempt when the caller does not answer, tells the agent, and schedules the next after the minimum delay', async () => {
    const w = await automatic();
    await runDueJobs(w);
    const callId = w.carrier.dials[0].callId.replace(/_0$/, '');
    await w.callbacks.dialler.agentConfirmation({ carrierCallId: `${callId}_0`, digits: '1' });
    w.clock.advance(MINUTE_MS);
    const told = await w.callbacks.dialler.callerLegEnded({ callId, outcome: 'no-answer' });
    expect(told).toEqual({
      kind: 'release-agent',
      prompt: expect.objectContaining({ text: 'The caller did not answer. The attempt has been recorded. Goodbye.' }),
    });
    const after = valueOf(await w.callbacks.requests.request(w.admin, w.request.id));
    const next = OPENED + MINUTE_MS + 2 * HOUR_MS;
    expect(after).toMatchObject({
      status: 'open',
      remainingAttempts: 2,
      nextAttemptAt: next,
      visibleToAgents: false,
      attempts: [{ outcome: 'no-answer', counted: true }],
    });
    expect(w.jobs.ids()).toContain(`callback-${w.request.id}-${next}`);
    // The same report again changes nothing.
    expect(await w.callbacks.dialler.callerLegEnded({ callId, outcome: 'no-answer' })).toEqual({ kind: 'nothing' });
    expect((await stored(w, w.request.id)).request.attempts).toHaveLength(1);
  });

  it('passes an unanswered or declined call to the next person, like an inbound call, and spends nothing of the caller when nobody takes it', async () => {
    const w = await automatic();
    await runDueJobs(w);
    const legs = () => w.carrier.dials.map((d) => d.to.e164);
    await w.callbacks.dialler.agentLegEnded({ carrierCallId: w.carrier.dials[0].callId, outcome: 'no-answer' });
    expect(legs()).toEqual([BOB, CAROL]);
    expect(
      await w.callbacks.dialler.agentConfirmation({ carrierCallId: w.carrier.dials[1].callId, digits: '9' }),
    ).toMatchObject({ kind: 'release-agent' });
    expect(legs()).toEqual([BOB, CAROL, ALICE]);
    // A late report for Bob's leg, already passed, changes nothing.
    await w.callbacks.dialler.agentLegEnded({ carrierCallId: w.carrier.dials[0].callId, outcome: 'failed' });
    expect(legs()).toEqual([BOB, CAROL, ALICE]);
    w.clock.advance(30_000);
    await w.callbacks.dialler.agentLegEnded({ carrierCallId: w.carrier.dials[2].callId, outcome: 'busy' });

    const after = valueOf(await w.callbacks.requests.request(w.admin, w.request.id));
    const retry = OPENED + 30_000 + 5 * MINUTE_MS;
    expect(after).toMatchObject({
      remainingAttempts: 3,
      nextAttemptAt: retry,
      callInProgress: false,
      claimedBy: null,
      attempts: [{ outcome: 'agent-unavailable', counted: false }],
    });
    expect(w.jobs.ids()).toContain(`callback-${w.request.id}-${retry}`);
    w.clock.set(retry);
    w.carrier.dials.length = 0;
    expect(await runDueJobs(w)).toEqual(['dialling']);
    expect(legs()).toEqual([BOB]);
  });

  it('reaches "max attempts reached" on the last unanswered attempt and enqueues nothing more', async () => {
    const w = await automatic({ maxAttempts: 1 });
    await runDueJobs(w);
    const callId = w.carrier.dials[0].callId.replace(/_0$/, '');
    await w.callbacks.dialler.agentConfirmation({ carrierCallId: `${callId}_0`, digits: '1' });
    await w.callbacks.dialler.callerLegEnded({ callId, outcome: 'busy' });
    expect(valueOf(await w.callbacks.requests.request(w.admin, w.request.id))).toMatchObject({
      status: 'max-attempts-reached',
      remainingAttempts: 0,
      nextAttemptAt: null,
    });
    w.clock.advance(HOUR_MS);
    expect(await runDueJobs(w)).toEqual(['stale']);
    expect(w.jobs.ids()).toEqual([]);
  });

  it('skips a number the carrier refuses to dial, notes an attempt spending nothing when nobody is on duty, and closes a call that never reported its end', async () => {
    const w = await automatic();
    w.carrier.failNext();
    await runDueJobs(w);
    expect(w.carrier.dials.map((d) => d.to.e164)).toEqual([CAROL]);
    // Carol's leg never reports: the claim lapses and the job due then closes the call.
    w.clock.advance(15 * MINUTE_MS);
    expect(await runDueJobs(w)).toEqual(['lost-call']);
    const lost = valueOf(await w.callbacks.requests.request(w.admin, w.request.id));
    expect(lost).toMatchObject({
      callInProgress: false,
      remainingAttempts: 3,
      attempts: [{ outcome: 'agent-unavailable', comment: 'the carrier never reported how the call ended' }],
    });

    valueOf(await w.app.hotlines.updateHotline(w.caller, w.hotline.id, { supervisorIds: [] }));
    const slots = valueOf(
      await w.app.schedule.slots(w.caller, w.hotline.id, { from: '2027-03-20T00:00', to: '2027-03-21T00:00' }),
    ).slots;
    valueOf(await w.app.schedule.deleteSlots(w.caller, w.hotline.id, { ids: slots.map((s) => s.id) }));
    w.clock.advance(5 * MINUTE_MS);
    expect(await runDueJobs(w)).toEqual(['nobody-on-duty']);
    expect(
      valueOf(await w.callbacks.requests.request(w.admin, w.request.id)).attempts.map((a) => [a.outcome, a.comment]),
    ).toEqual([
      ['agent-unavailable', 'the carrier never reported how the call ended'],
      ['agent-unavailable', 'nobody on duty'],
    ]);
  });

  it('re-creates the jobs owed from the database (reconcile on worker start)', async () => {
    const w = await automatic();
    const second = valueOf(
      await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '0698765433' }),
    ).request;
    const manual = await callbackWorld();
    expect(w.jobs.take()).toHaveLength(2);
    expect(await w.callbacks.dialler.reconcile({ batchSize: 1 })).toEqual({ scheduled: 2 });
    expect(w.jobs.ids().sort()).toEqual(
      [`callback-${second.id}-${OPENED}`, `callback-${w.request.id}-${OPENED}`].sort(),
    );
    valueOf(await manual.callbacks.requests.create(manual.admin, { service: manual.hotlineRef, number: '0698765432' }));
    expect(await manual.callbacks.dialler.reconcile()).toEqual({ scheduled: 0 });
  });

  it("rings a team service's members in order", async () => {
    const w = await callbackWorld();
    valueOf(await w.app.callbackSettings.updateSettings(w.caller, w.crewRef, { mode: 'automatic' }));
    valueOf(await w.callbacks.requests.create(w.admin, { service: w.crewRef, number: '0698765433' }));
    expect(await runDueJobs(w)).toEqual(['dialling']);
    await w.callbacks.dialler.agentLegEnded({ carrierCallId: w.carrier.dials[0].callId, outcome: 'rejected' });
    expect(w.carrier.dials.map((d) => d.to.e164)).toEqual([BOB, CAROL]);
  });
});

describe('CallbackDialler: click-to-call (manual mode)', () => {
  it("rings the agent's phone, then the caller; the caller's leg decides the attempt, recorded as the agent's", async () => {
    const w = await callbackWorld();
    const request = valueOf(
      await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '0698765432' }),
    ).request;
    const agent = w.agent('user-bob', { all: true }, w.bob.id);
    const started = valueOf(await w.callbacks.requests.callBack(agent, request.id));
    expect(started).toMatchObject({ claimedBy: 'user-bob', callInProgress: true });
    expect(w.carrier.dials.map((d) => d.to.e164)).toEqual([BOB]);
    expect(w.jobs.ids()).toEqual([]);
    const callId = w.carrier.dials[0].callId.replace(/_0$/, '');
    expect(
      refusalOf(await w.callbacks.requests.callBack(w.agent('user-carol', { all: true }, w.carol.id), request.id)),
    ).toMatchObject({ code: 'CALL_IN_PROGRESS' });
    expect(await w.callbacks.dialler.agentConfirmation({ carrierCallId: `${callId}_0`, digits: '1' })).toMatchObject({
      kind: 'connect-caller',
      to: '+33698765432',
    });
    await w.callbacks.dialler.callerLegEnded({ callId, outcome: 'failed' });
    expect(valueOf(await w.callbacks.requests.request(w.admin, request.id))).toMatchObject({
      remainingAttempts: 2,
      callInProgress: false,
      attempts: [{ outcome: 'failed', by: 'user-bob' }],
    });
  });

  it('dials a phone given by hand, and refuses without one or without a carrier answer', async () => {
    const w = await callbackWorld();
    const request = valueOf(
      await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '0698765432' }),
    ).request;
    const nobody = w.agent('user-x');
    expect(await w.callbacks.requests.callBack(nobody, request.id)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NO_AGENT_PHONE', field: 'phone' }),
    });
    w.carrier.failNext();
    expect(await w.callbacks.requests.callBack(nobody, request.id, { phone: '06 11 22 33 44' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'CARRIER_UNAVAILABLE' }),
    });
    valueOf(await w.callbacks.requests.callBack(nobody, request.id, { phone: '06 11 22 33 44' }));
    expect(w.carrier.dials.map((d) => d.to.e164)).toEqual(['+33611223344']);
    // The agent did not pick up: nothing is spent, the agent keeps the request.
    await w.callbacks.dialler.agentLegEnded({ carrierCallId: w.carrier.dials[0].callId, outcome: 'no-answer' });
    expect(valueOf(await w.callbacks.requests.request(w.admin, request.id))).toMatchObject({
      attempts: [],
      claimedBy: 'user-x',
      callInProgress: false,
    });
  });
});
