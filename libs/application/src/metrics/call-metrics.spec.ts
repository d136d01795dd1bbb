import { CALLER, HOTLINE_NUMBER, at, boilerRoomRig } from '../calls/testing';
import { Metrics } from './ports';

/** Every call of the port, as `method label`. */
function recordingMetrics(): Metrics & { readonly counted: string[] } {
  const counted: string[] = [];
  return {
    counted,
    callStarted: (source) => void counted.push(`started ${source}`),
    callOutcome: (outcome) => void counted.push(`outcome ${outcome}`),
    legEnded: (outcome) => void counted.push(`leg ${outcome}`),
    jobFinished: (job, _seconds, result) => void counted.push(`job ${job} ${result}`),
    messageSent: (channel, result) => void counted.push(`${channel} ${result}`),
  };
}

const answer = (rig: ReturnType<typeof boilerRoomRig>, carrierCallId: string, number = HOTLINE_NUMBER) =>
  rig.service.answer({ carrier: 'test', hotlineNumber: number, caller: CALLER, carrierCallId, at: at(0) });

describe('the inbound call service counts calls and legs', () => {
  it('counts the plan source, each leg once it has an outcome (not a pick-up awaiting its key), and the outcome once', async () => {
    const metrics = recordingMetrics();
    const rig = boilerRoomRig({}, { metrics });
    await answer(rig, 'carrier-1');
    await rig.service.legEnded({ callId: 'call-1', step: 0, outcome: 'busy', at: at(5) });
    await rig.service.legAnswered({ callId: 'call-1', step: 1, at: at(10) });
    await rig.service.confirmation({ callId: 'call-1', step: 1, digits: '1', at: at(12) });
    // A repeated event changes nothing and counts nothing.
    await rig.service.confirmation({ callId: 'call-1', step: 1, digits: '1', at: at(12) });
    await rig.service.callEnded({ callId: 'call-1', at: at(60) });
    expect(metrics.counted).toEqual(['started schedule', 'leg busy', 'outcome answered', 'leg confirmed']);
  });

  it('counts a call answered from the last plan known for the number, an abandoned call and an unknown number', async () => {
    const metrics = recordingMetrics();
    const rig = boilerRoomRig({}, { metrics });
    await answer(rig, 'carrier-1');
    rig.planner.outage.mode = 'down';
    await answer(rig, 'carrier-2');
    await rig.service.callEnded({ callId: 'call-2', at: at(3) });
    await answer(rig, 'carrier-3', '+33199999999');
    expect(metrics.counted).toEqual([
      'started schedule',
      'started last-known',
      'outcome abandoned',
      'leg cancelled',
      'outcome unknown-number',
    ]);
  });
});
