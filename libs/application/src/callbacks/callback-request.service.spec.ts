import { HOUR_MS, MINUTE_MS, parseInstant } from '@dutyline/domain';
import { refusalOf, valueOf } from '../testing';
import { CallbackWorld, callbackWorld } from './testing';

const t = (iso: string) => parseInstant(iso);

async function opened(w: CallbackWorld, number = '06 98 76 54 32', service = w.hotlineRef) {
  return valueOf(await w.callbacks.requests.create(w.admin, { service, number })).request;
}

describe('CallbackRequestService: taking requests in (F19)', () => {
  it('opens a request over the API under the service policy, and notes a repeat on it whatever the number form', async () => {
    const w = await callbackWorld({ policy: { maxAttempts: 4, maxProcessingDays: 2 } });
    const first = valueOf(
      await w.callbacks.requests.create(w.admin, {
        service: w.hotlineRef,
        number: '06 98 76 54 32',
        comment: 'boiler',
      }),
    );
    expect(first).toMatchObject({
      outcome: 'opened',
      request: {
        number: '+33698765432',
        source: 'agent',
        status: 'open',
        remainingAttempts: 4,
        maxAttempts: 4,
        createdAt: t('2027-03-20T09:00:00Z'),
        nextAttemptAt: t('2027-03-20T09:00:00Z'),
        lastDay: '2027-03-22',
        expiresAt: t('2027-03-22T23:00:00Z'),
        visibleToAgents: true,
        service: w.hotlineRef,
        mode: 'manual',
        attempts: [],
        comments: [{ by: 'user-a', text: 'boiler' }],
      },
    });
    w.clock.advance(HOUR_MS);
    const again = valueOf(
      await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '+33 6 98 76 54 32' }),
    );
    expect(again.outcome).toBe('merged');
    expect(again.request).toMatchObject({ id: first.request.id, repeatRequests: [t('2027-03-20T10:00:00Z')] });
    expect((await w.callbacks.requests.list(w.admin)).items.map((r) => r.id)).toEqual([first.request.id]);
  });

  it('takes two requests of one caller left at the same moment one after the other: the second joins the first', async () => {
    const w = await callbackWorld();
    const both = await Promise.all([
      w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '06 98 76 54 32' }),
      w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '+33698765432' }),
    ]);
    expect(both.map((result) => valueOf(result).outcome).sort()).toEqual(['merged', 'opened']);
    expect((await w.callbacks.requests.list(w.admin)).items).toHaveLength(1);
  });

  it.each([
    ['an invalid number', '0612', 'CALLBACK_NUMBER_INVALID'],
    ['a premium-rate number', '08 99 12 34 56', 'CALLBACK_NUMBER_PREMIUM_RATE'],
    ['a number abroad', '+32 470 12 34 56', 'CALLBACK_NUMBER_COUNTRY_NOT_ALLOWED'],
  ])('refuses %s, naming the number field', async (_, number, code) => {
    const w = await callbackWorld();
    expect(refusalOf(await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number }))).toMatchObject({
      code,
      field: 'number',
    });
    expect((await w.callbacks.requests.list(w.admin)).items).toEqual([]);
  });

  it('calls back the countries the service allows, once set', async () => {
    const w = await callbackWorld();
    valueOf(await w.callbacks.intake.update(w.caller, w.hotlineRef, { allowedCountries: ['fr', 'BE'] }));
    expect(
      valueOf(await w.callbacks.requests.create(w.admin, { service: w.hotlineRef, number: '+32 470 12 34 56' })).request
        .number,
    ).toBe('+32470123456');
  });

  it("refuses an unknown service and another account's service as not found, naming service.id", async () => {
    const w = await callbackWorld();
    const stranger = { ...w.admin, accountId: 'acct-b' };
    expect(
      refusalOf(
        await w.callbacks.requests.create(w.admin, { service: { kind: 'team', id: 'nope' }, number: '0698765432' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'service.id' });
    expect(
      refusalOf(await w.callbacks.requests.create(stranger, { service: w.hotlineRef, number: '0698765432' })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'service.id' });
    await expect(
      w.callbacks.requests.create(w.admin, { service: { kind: 'hotline', id: 'bad id!' }, number: '0698765432' }),
    ).rejects.toMatchObject({ code: 'INVALID_ID', field: 'service.id' });
  });

  it("lets a team's requests be called back from the account's hotline", async () => {
    const w = await callbackWorld();
    const request = await opened(w, '0698765432', w.crewRef);
    expect(request.service).toEqual(w.crewRef);
    expect((await w.store.load('acct-a', request.id))?.viaHotlineId).toBe(w.hotline.id);
  });
});

describe('CallbackRequestService: the list and its rules at the boundaries (F20, F21)', () => {
  it('hides a request after an unanswered attempt until the minimum delay has passed: hidden one second before, visible at it', async () => {
    const w = await callbackWorld({ policy: { minHoursBetweenAttempts: 1.5 } });
    const request = await opened(w);
    valueOf(
      await w.callbacks.requests.recordOutcome(w.admin, request.id, { outcome: 'no-answer', comment: 'rang out' }),
    );
    const reappears = t('2027-03-20T10:30:00Z');
    const visible = async () =>
      (await w.callbacks.requests.list(w.admin, { visibleOnly: true })).items.map((r) => r.id);

    w.clock.set(reappears - 1000);
    expect(await visible()).toEqual([]);
    expect(valueOf(await w.callbacks.requests.request(w.admin, request.id))).toMatchObject({
      visibleToAgents: false,
      nextAttemptAt: reappears,
      remainingAttempts: 2,
    });
    expect(refusalOf(await w.callbacks.requests.claim(w.admin, request.id))).toMatchObject({
      code: 'CALLBACK_NOT_DUE',
      nextAttemptAt: reappears,
      field: 'id',
    });

    w.clock.set(reappears);
    expect(await visible()).toEqual([request.id]);
    expect(valueOf(await w.callbacks.requests.claim(w.admin, request.id))).toMatchObject({
      claimedBy: 'user-a',
      visibleToAgents: true,
    });
  });

  it.each([
    // zone, opened at (UTC), expiry instant (local midnight two days later)
    ['Europe/Paris', '2027-03-27T09:00:00Z', '2027-03-28T22:00:00Z'], // 28 March lasts 23 h
    ['Europe/Paris', '2027-10-30T08:00:00Z', '2027-10-31T23:00:00Z'], // 31 October lasts 25 h
    ['America/New_York', '2027-03-13T15:00:00Z', '2027-03-15T04:00:00Z'],
    ['Australia/Lord_Howe', '2027-10-02T00:00:00Z', '2027-10-03T13:00:00Z'],
    ['Asia/Tokyo', '2027-03-27T09:00:00Z', '2027-03-28T15:00:00Z'],
  ])(
    'in %s a request opened at %s with one processing day expires at %s, exactly',
    async (timeZone, openedAt, expiresAt) => {
      const w = await callbackWorld({ now: openedAt, timeZone, policy: { maxProcessingDays: 1 } });
      const request = await opened(w, '+33698765432');
      expect(request.expiresAt).toBe(t(expiresAt));
      const status = async (at: number) => {
        w.clock.set(at);
        const read = valueOf(await w.callbacks.requests.request(w.admin, request.id));
        const listed = (await w.callbacks.requests.list(w.admin, { status: read.status })).items.map((r) => r.id);
        return [read.status, listed.includes(request.id)];
      };
      expect(await status(t(expiresAt) - 1000)).toEqual(['open', true]);
      expect(await status(t(expiresAt))).toEqual(['expired', true]);
      expect(refusalOf(await w.callbacks.requests.claim(w.admin, request.id))).toMatchObject({
        code: 'CALLBACK_EXPIRED',
      });
    },
  );

  it('goes to "max attempts reached" at the last allowed attempt, and refuses another', async () => {
    const w = await callbackWorld({ policy: { maxAttempts: 2, minHoursBetweenAttempts: 0.25 } });
    const request = await opened(w);
    valueOf(await w.callbacks.requests.recordOutcome(w.admin, request.id, { outcome: 'busy' }));
    w.clock.advance(15 * MINUTE_MS);
    const last = valueOf(
      await w.callbacks.requests.recordOutcome(w.admin, request.id, { outcome: 'no-answer', comment: 'voicemail' }),
    );
    expect(last).toMatchObject({
      status: 'max-attempts-reached',
      remainingAttempts: 0,
      nextAttemptAt: null,
      visibleToAgents: false,
    });
    expect(last.attempts.map((a) => [a.outcome, a.counted, a.comment])).toEqual([
      ['busy', true, null],
      ['no-answer', true, 'voicemail'],
    ]);
    w.clock.advance(HOUR_MS);
    expect(
      refusalOf(await w.callbacks.requests.recordOutcome(w.admin, request.id, { outcome: 'answered' })),
    ).toMatchObject({ code: 'CALLBACK_MAX_ATTEMPTS_REACHED' });
    expect(
      (await w.callbacks.requests.list(w.admin, { status: 'max-attempts-reached' })).items.map((r) => r.id),
    ).toEqual([request.id]);
  });

  it('keeps open requests on the rules they were opened under when the settings change', async () => {
    const w = await callbackWorld({ policy: { maxAttempts: 3, minHoursBetweenAttempts: 1 } });
    const before = await opened(w, '0698765432');
    valueOf(
      await w.app.callbackSettings.updateSettings(w.caller, w.hotlineRef, {
        maxAttempts: 1,
        minHoursBetweenAttempts: 5,
        maxProcessingDays: 7,
      }),
    );
    const after = await opened(w, '0698765433');
    expect([before.maxAttempts, before.policy.minHoursBetweenAttempts, before.lastDay]).toEqual([3, 1, '2027-03-22']);
    expect([after.maxAttempts, after.policy.minHoursBetweenAttempts, after.lastDay]).toEqual([1, 5, '2027-03-27']);
    const once = valueOf(await w.callbacks.requests.recordOutcome(w.admin, before.id, { outcome: 'no-answer' }));
    expect([once.status, once.remainingAttempts, once.nextAttemptAt]).toEqual(['open', 2, t('2027-03-20T10:00:00Z')]);
    const done = valueOf(await w.callbacks.requests.recordOutcome(w.admin, after.id, { outcome: 'no-answer' }));
    expect(done.status).toBe('max-attempts-reached');
  });

  it('lets one of two agents claiming at once win; the other is refused until the claim lapses', async () => {
    const w = await callbackWorld({ policy: { claimMinutes: 10 } });
    const request = await opened(w);
    const [a, b] = await Promise.all([
      w.callbacks.requests.claim(w.agent('agent-a'), request.id),
      w.callbacks.requests.claim(w.agent('agent-b'), request.id),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok)!;
    const winner = winners[0].ok ? winners[0].value.claimedBy : null;
    expect(refusalOf(loser)).toMatchObject({ code: 'CALLBACK_CLAIMED', agentId: winner, field: 'id' });
    const other = winner === 'agent-a' ? 'agent-b' : 'agent-a';
    expect(
      refusalOf(await w.callbacks.requests.recordOutcome(w.agent(other), request.id, { outcome: 'answered' })),
    ).toMatchObject({ code: 'CALLBACK_CLAIMED' });
    w.clock.advance(10 * MINUTE_MS);
    expect(valueOf(await w.callbacks.requests.claim(w.agent(other), request.id)).claimedBy).toBe(other);
  });

  it('pages the list newest first and filters it by service and status', async () => {
    const w = await callbackWorld();
    const ids: string[] = [];
    for (const [i, service] of [w.hotlineRef, w.crewRef, w.hotlineRef].entries()) {
      ids.push((await opened(w, `069876543${i}`, service)).id);
      w.clock.advance(MINUTE_MS);
    }
    valueOf(await w.callbacks.requests.recordOutcome(w.admin, ids[2], { outcome: 'answered' }));
    const first = await w.callbacks.requests.list(w.admin, {}, { first: 2 });
    expect(first.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(
      (await w.callbacks.requests.list(w.admin, {}, { first: 2, after: first.nextCursor })).items.map((r) => r.id),
    ).toEqual([ids[0]]);
    expect((await w.callbacks.requests.list(w.admin, { service: w.hotlineRef })).items.map((r) => r.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect((await w.callbacks.requests.list(w.admin, { status: 'done' })).items.map((r) => r.id)).toEqual([ids[2]]);
    expect(
      (await w.callbacks.requests.list(w.admin, { status: 'open', service: w.hotlineRef })).items.map((r) => r.id),
    ).toEqual([ids[0]]);
  });

  it('keeps comments and the history of attempts, and audits each step', async () => {
    const w = await callbackWorld();
    const request = await opened(w);
    valueOf(await w.callbacks.requests.claim(w.admin, request.id));
    valueOf(await w.callbacks.requests.comment(w.admin, request.id, 'calls after 18:00 only'));
    const done = valueOf(
      await w.callbacks.requests.recordOutcome(w.admin, request.id, { outcome: 'answered', comment: 'sorted' }),
    );
    expect(done).toMatchObject({
      status: 'done',
      claimedBy: null,
      comments: [{ text: 'calls after 18:00 only', by: 'user-a' }],
      attempts: [{ outcome: 'answered', by: 'user-a', comment: 'sorted' }],
    });
    const actions = w.dutyline.audit
      .entries('acct-a')
      .filter((e) => e.entityType === 'callback-request')
      .map((e) => e.action);
    expect(actions).toEqual([
      'callback-request.created',
      'callback-request.claimed',
      'callback-request.commented',
      'callback-request.attempt-recorded',
    ]);
  });
});

describe('CallbackRequestService: who works which requests', () => {
  it('gives admins and supervisors the account, members the services their person belongs to', async () => {
    const w = await callbackWorld();
    const onHotline = await opened(w, '0698765432', w.hotlineRef);
    const onCrew = await opened(w, '0698765433', w.crewRef);
    valueOf(await w.app.directory.updatePerson(w.caller, w.bob.id, { email: 'Bob@Example.com' }));
    const bob = await w.callbacks.requests.agent(w.caller, {
      agentId: 'user-bob',
      role: 'member',
      email: 'bob@example.com',
    });
    expect(bob).toMatchObject({ personId: w.bob.id, scope: { all: false, services: [w.crewRef] } });
    const alice = await w.callbacks.requests.agent(w.caller, {
      agentId: 'user-alice',
      role: 'member',
      email: 'alice@example.com',
    });
    expect(alice.scope).toEqual({ all: false, services: [w.hotlineRef] });
    const stranger = await w.callbacks.requests.agent(w.caller, {
      agentId: 'user-x',
      role: 'member',
      email: 'x@example.com',
    });
    expect(stranger.scope).toEqual({ all: false, services: [] });
    expect(
      (await w.callbacks.requests.agent(w.caller, { agentId: 'user-s', role: 'supervisor', email: null })).scope,
    ).toEqual({ all: true });

    expect((await w.callbacks.requests.list(bob)).items.map((r) => r.id)).toEqual([onCrew.id]);
    expect(refusalOf(await w.callbacks.requests.request(bob, onHotline.id))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'id',
    });
    expect(refusalOf(await w.callbacks.requests.claim(bob, onHotline.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      refusalOf(await w.callbacks.requests.create(bob, { service: w.hotlineRef, number: '0698765434' })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'service.id' });
    expect(valueOf(await w.callbacks.requests.claim(bob, onCrew.id)).claimedBy).toBe('user-bob');
  });
});
