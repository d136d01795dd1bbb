// The kit's own proof, and a worked example of a harness: the simulator adapter under the carrier contract.
import { CarrierHarness, NetworkEvent, NetworkReply, carrierContract } from '@dutyline/testkit';
import { NetworkAction, SimulatedCall, SimulatorLine } from './index';

/** What the simulated network did, in the kit's words. */
function decode(action: NetworkAction): NetworkReply {
  switch (action.action) {
    case 'ring':
      return {
        kind: 'ring',
        to: action.number,
        callerId: action.callerId,
        ringTimeoutSeconds: action.ringTimeoutSeconds,
        confirm: action.confirm,
      };
    case 'announce':
      return { kind: 'announce', text: action.text };
    case 'connect':
      return { kind: 'connect' };
    case 'record':
      return { kind: 'record' };
    case 'say':
      return { kind: 'say', text: action.text };
    case 'hang-up-leg':
      return { kind: 'hang-up-leg' };
    case 'gather':
      return { kind: 'menu', text: action.text, maxDigits: action.maxDigits };
    case 'idle':
      return { kind: 'nothing' };
  }
}

/** A network event, as the simulator's own input. */
function send(call: SimulatedCall, event: NetworkEvent): Promise<NetworkAction[]> {
  call.wait(5);
  switch (event.kind) {
    case 'picked-up':
      return call.pickUp();
    case 'human':
      return call.humanDetected();
    case 'machine':
      return call.legEnds('machine');
    case 'leg-ended':
      return call.legEnds(event.outcome);
    case 'keys':
      return call.pressKeys(event.digits);
    case 'no-key':
      return call.noKey();
    case 'recorded':
      return call.recorded();
    case 'caller-hung-up':
      return call.hangUp();
    case 'caller-keys':
      return call.keyIn(event.digits || null);
    case 'again':
      return call.redeliver();
  }
}

carrierContract('simulator', (rig): CarrierHarness => {
  const line = new SimulatorLine(rig.service, rig.clock);
  return {
    async placeCall({ to, from }) {
      const call = await line.placeCall({ to, from });
      return {
        first: call.lastActions.map(decode),
        deliver: async (event) => (await send(call, event)).map(decode),
      };
    },
  };
});
