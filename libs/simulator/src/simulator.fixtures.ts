// The simulator's specs run the real inbound call service over the application's in-memory fakes.
import { InboundCallRig, InboundCallRigOptions, inboundCallRig } from '@dutyline/application/testing';
import { HotlineInput, OnCall } from '@dutyline/domain';
import { aHotline, aPerson, personRef } from '@dutyline/domain/testing';

export const HOTLINE = '+33140000000';
export const CALLER = '+33612345678';

export const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: '+33611111111', label: 'mobile', ringTimeoutSeconds: 20 },
    { number: '+33142000001', label: 'home', ringTimeoutSeconds: 30 },
  ],
});
export const bob = aPerson({
  id: 'bob',
  name: 'Bob',
  numbers: [{ number: '+33622222222', label: 'mobile', ringTimeoutSeconds: 15 }],
});
export const dan = aPerson({
  id: 'dan',
  name: 'Dan',
  numbers: [{ number: '+33644444444', label: 'mobile', ringTimeoutSeconds: 15 }],
});

const onDuty: OnCall = { levels: [personRef(alice), personRef(bob)], slotId: 'slot-1', overrideIds: [] };

/** The boiler room hotline: Alice then Bob on duty, Dan supervising, voicemail at the end. */
export function boilerRoom(hotline: Partial<HotlineInput> = {}, options: InboundCallRigOptions = {}): InboundCallRig {
  return inboundCallRig(
    {
      hotlines: [aHotline({ id: 'hl-1', name: 'Boiler room', number: HOTLINE, supervisorIds: ['dan'], ...hotline })],
      people: [alice, bob, dan],
      onCall: { 'hl-1': onDuty },
    },
    options,
  );
}
