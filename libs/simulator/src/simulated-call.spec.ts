import { SimulatorLine } from './simulated-call';
import { describeAction } from './network-action';
import { CALLER, HOTLINE, boilerRoom } from './simulator.fixtures';

const lines = (actions: Parameters<typeof describeAction>[0][]) => actions.map(describeAction);

describe('simulator line: one event at a time', () => {
  it('places a call and follows it event by event, handing back the call id and step', async () => {
    const rig = boilerRoom();
    const call = await new SimulatorLine(rig.service, rig.clock).placeCall({ to: HOTLINE, from: CALLER });
    expect(call).toMatchObject({ callId: 'call-1', status: 'ringing', leg: { step: 0, number: '+33611111111' } });
    call.wait(3);
    expect(lines(await call.legEnds('busy'))).toEqual([
      'Step 2: ring Alice (home, level 1) at +33142000001 for 30 s, shown as +33140000000 (press 1 required)',
    ]);
    call.wait(5);
    expect(lines(await call.pickUp())).toEqual([
      'Nothing to do',
      'Announcement to the callee: "Call for Boiler room from 3 3 6 1 2 3 4 5 6 7 8. Press 1 to take it." (waits 5 s for 1)',
    ]);
    expect(call.status).toBe('announcing');
    expect(lines(await call.noKey())).toEqual([
      'Hang up the leg of step 2 (+33142000001)',
      'Step 3: ring Bob (mobile, level 2) at +33622222222 for 15 s, shown as +33140000000 (press 1 required)',
    ]);
  });

  it('delivers the last event again as a retrying carrier would: same reply, same call log', async () => {
    const rig = boilerRoom();
    const call = await new SimulatorLine(rig.service, rig.clock).placeCall({ to: HOTLINE, from: CALLER });
    const first = await call.legEnds('busy');
    const stored = rig.store.peek('call-1');
    expect(await call.redeliver()).toEqual(first);
    expect(rig.store.peek('call-1')).toEqual(stored);
    expect(call.leg?.step).toBe(1);
  });

  it('reports the leg and call ids the way a carrier does', async () => {
    const rig = boilerRoom();
    const call = await new SimulatorLine(rig.service, rig.clock, { carrier: 'sim-2' }).placeCall({
      to: HOTLINE,
      from: CALLER,
      carrierCallId: 'abc',
    });
    await call.pickUp();
    await call.hangUp();
    expect(rig.store.peek('call-1')).toMatchObject({
      carrier: 'sim-2',
      carrierCallId: 'abc',
      timeline: { legs: [{ carrierLegId: 'sim-leg-0' }] },
    });
  });

  it('refuses events that make no sense yet', async () => {
    const rig = boilerRoom();
    const call = await new SimulatorLine(rig.service, rig.clock).placeCall({ to: '+33199999999', from: CALLER });
    expect(call.status).toBe('message');
    await expect(call.pickUp()).rejects.toThrow('no leg to pick up: nothing was rung');
    await expect(call.recorded()).rejects.toThrow('the service opened no call');
    await expect(call.hangUp()).resolves.toEqual([]);
  });
});
