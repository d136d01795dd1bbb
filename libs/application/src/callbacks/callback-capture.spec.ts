import { CallbackOfferPoint } from '@dutyline/domain';
import { CallInstruction } from '../calls';
import { valueOf } from '../testing';
import { CaptureInstruction, CaptureStage } from './callback-capture';
import { CallbackWorld, callbackWorld } from './testing';

/** A world whose hotline offers a callback at `at`, and a call answered from `caller`. */
async function calling(
  at: CallbackOfferPoint | null,
  caller: string | null = '+33698765432',
  allowedCountries?: string[],
) {
  const w = await callbackWorld();
  valueOf(
    await w.callbacks.intake.update(w.caller, w.hotlineRef, { offer: at === null ? null : { at }, allowedCountries }),
  );
  const answer = await w.rig.service.answer({
    carrier: 'vonage',
    hotlineNumber: '+33140000000',
    caller,
    carrierCallId: 'leg-1',
  });
  return { ...w, answer, capture: w.callbacks.capture! };
}

/** Presses `keys` in turn from the offer, returning each instruction. */
async function press(
  w: CallbackWorld & { capture: NonNullable<CallbackWorld['callbacks']['capture']> },
  first: CaptureInstruction,
  ...keys: string[]
): Promise<CaptureInstruction[]> {
  const seen: CaptureInstruction[] = [];
  let current = first;
  for (const digits of keys) {
    if (current.kind !== 'collect') throw new Error(`expected keys to be collected, got ${current.kind}`);
    current = await w.capture.keys(current.callId, JSON.parse(JSON.stringify(current.stage)) as CaptureStage, {
      digits,
      timedOut: digits === '',
    });
    seen.push(current);
  }
  return seen;
}

const text = (instruction: CaptureInstruction) =>
  (instruction.kind === 'resume' ? instruction.preface : instruction.prompt) as { text: string } | null;

describe('CallbackCapture (F19)', () => {
  it('offers the callback after the greeting; pressing 2 and confirming the caller id opens the request', async () => {
    const w = await calling('greeting');
    const offer = (await w.capture.offer(w.answer, 'answer'))!;
    expect(offer).toMatchObject({
      kind: 'collect',
      stage: { step: 'offer', at: 'greeting' },
      maxDigits: 1,
      timeoutSeconds: 5,
      prompt: { kind: 'text', text: 'To be called back instead of waiting, press 2.', language: 'en-GB' },
    });
    const [menu, finish] = await press(w, offer, '2', '1');
    expect(text(menu)?.text).toBe(
      'We can call you back on plus 3 3 6 9 8 7 6 5 4 3 2. Press 1 to confirm, or 2 to enter another number.',
    );
    expect(finish).toMatchObject({
      kind: 'finish',
      prompt: { text: 'Thank you. We will call you back on plus 3 3 6 9 8 7 6 5 4 3 2. Goodbye.' },
    });
    const [request] = (await w.callbacks.requests.list(w.admin)).items;
    expect(request).toMatchObject({
      number: '+33698765432',
      source: 'caller-id',
      service: w.hotlineRef,
      comments: [{ text: `left during call ${w.answer.kind === 'dial' ? w.answer.callId : ''}` }],
    });
    expect(finish.kind === 'finish' && finish.requestId).toBe(request.id);
  });

  it('makes the offer at answer from the call this process just answered, without reading the call store', async () => {
    const w = await calling('greeting');
    const load = jest
      .spyOn(w.rig.store, 'load')
      .mockRejectedValue(new Error('the store is not to be read on the answer path'));
    expect(await w.capture.offer(w.answer, 'answer')).toMatchObject({
      kind: 'collect',
      stage: { step: 'offer', at: 'greeting' },
    });
    expect(load).not.toHaveBeenCalled();
  });

  it('lets the caller key another number, reads it back and takes it on 1', async () => {
    const w = await calling('greeting');
    const steps = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2', '2', '0611223344#', '1');
    expect(steps.map((s) => (s.kind === 'collect' ? s.stage.step : s.kind))).toEqual([
      'menu',
      'enter',
      'confirm',
      'finish',
    ]);
    expect(steps[1]).toMatchObject({ maxDigits: 20, timeoutSeconds: 10, submitOnHash: true });
    expect(text(steps[2])?.text).toBe('You entered 0 6 1 1 2 2 3 3 4 4. Press 1 to confirm, or 2 to enter it again.');
    expect((await w.callbacks.requests.list(w.admin)).items.map((r) => [r.number, r.source])).toEqual([
      ['+33611223344', 'keyed'],
    ]);
  });

  it('makes a withheld caller key a number', async () => {
    const w = await calling('greeting', null);
    const [enter] = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2');
    expect(enter).toMatchObject({ kind: 'collect', stage: { step: 'enter', tries: 1 } });
    expect(text(enter)?.text).toBe(
      'Your number is withheld. Please enter the number to call you back on, followed by the hash key.',
    );
  });

  it.each([
    ['an invalid number', '0612', 'That is not a valid phone number.'],
    ['a premium-rate number', '0899123456', 'Premium-rate numbers cannot be called back.'],
    ['a number abroad (toll fraud)', '0032470123456', 'We cannot call back numbers in that country.'],
  ])('refuses %s with a spoken reason and a second chance, then goes on with the call', async (_, keyed, reason) => {
    const w = await calling('greeting', null);
    const [, refused, again] = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2', keyed, keyed);
    expect(refused).toMatchObject({ kind: 'collect', stage: { step: 'enter', tries: 2 } });
    expect(text(refused)?.text).toBe(`${reason} Please enter another number, followed by the hash key.`);
    expect(again).toMatchObject({
      kind: 'resume',
      preface: { text: `${reason} Sorry, we could not take your number.` },
    });
    // The call goes on where it was: the first number of its plan, without the greeting again.
    expect(again.kind === 'resume' && again.instruction).toMatchObject({
      kind: 'dial',
      to: '+33612345601',
      greeting: null,
    });
    expect((await w.callbacks.requests.list(w.admin)).items).toEqual([]);
  });

  it('takes a second chance after a refused number', async () => {
    const w = await calling('greeting', null);
    const steps = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2', '0899123456', '0611223344', '1');
    expect(steps[3].kind).toBe('finish');
  });

  it("accepts a caller id abroad only in the service's allowed countries", async () => {
    const w = await calling('greeting', '+32470123456', ['FR', 'BE']);
    const [menu] = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2');
    expect(menu).toMatchObject({ stage: { step: 'menu' } });
    const strict = await calling('greeting', '+32470123456');
    const [enter] = await press(strict, (await strict.capture.offer(strict.answer, 'answer'))!, '2');
    expect(enter).toMatchObject({ stage: { step: 'enter' } });
  });

  it('goes on with the call when the caller presses nothing', async () => {
    const w = await calling('greeting');
    const [resumed] = await press(w, (await w.capture.offer(w.answer, 'answer'))!, '');
    expect(resumed).toMatchObject({
      kind: 'resume',
      preface: null,
      instruction: { kind: 'dial', to: '+33612345601', greeting: null },
    });
  });

  it('offers before voicemail, not at the greeting, and only when the caller is about to reach it', async () => {
    const w = await calling('before-voicemail');
    expect(await w.capture.offer(w.answer, 'answer')).toBeNull();
    const callId = (w.answer as Extract<CallInstruction, { kind: 'dial' }>).callId;
    const voicemail = await w.rig.service.legEnded({ callId, step: 0, outcome: 'no-answer' });
    expect(voicemail.kind).toBe('voicemail');
    const offer = (await w.capture.offer(voicemail, 'next-step'))!;
    expect(offer).toMatchObject({ stage: { step: 'offer', at: 'before-voicemail' }, preface: null });
    expect(text(offer)?.text).toBe(
      'Nobody could take your call. To be called back, press 2. Otherwise, stay on the line.',
    );
    const [resumed] = await press(w, offer, '5');
    expect(resumed).toMatchObject({ kind: 'resume', instruction: { kind: 'voicemail', callId } });
  });

  it('offers nothing for a hotline without an offer, or for a call the store does not know', async () => {
    const w = await calling(null);
    expect(await w.capture.offer(w.answer, 'answer')).toBeNull();
    expect(
      await w.capture.offer(
        {
          kind: 'voicemail',
          callId: 'nope',
          carrierCallId: null,
          step: 1,
          greeting: null,
          maxSeconds: 60,
          dropLeg: null,
        },
        'next-step',
      ),
    ).toBeNull();
    expect(await w.capture.keys('nope', { step: 'offer', at: 'greeting' }, { digits: '2' })).toMatchObject({
      kind: 'resume',
      instruction: { kind: 'message' },
    });
  });

  it('notes a repeat on the open request of the same caller instead of opening another', async () => {
    const w = await calling('greeting');
    await press(w, (await w.capture.offer(w.answer, 'answer'))!, '2', '1');
    const again = await w.rig.service.answer({
      carrier: 'vonage',
      hotlineNumber: '+33140000000',
      caller: '+33698765432',
      carrierCallId: 'leg-2',
    });
    await press(w, (await w.capture.offer(again, 'answer'))!, '2', '1');
    const items = (await w.callbacks.requests.list(w.admin)).items;
    expect(items).toHaveLength(1);
    expect(items[0].repeatRequests).toHaveLength(1);
  });
});
