import { HotlineInput, OnCall } from '@dutyline/domain';
import { aHotline, aPerson, personRef } from '@dutyline/domain/testing';
import { InboundCallRig, inboundCallRig } from './application';

/** The numbers the contract calls and expects to see rung. */
export const CONTRACT_NUMBERS = {
  hotline: '+33140000000',
  /** No hotline answers it. */
  unknown: '+33199999999',
  caller: '+33612345678',
  aliceMobile: '+33611111111',
  aliceHome: '+33142000001',
  bobMobile: '+33622222222',
  /** The supervisor. */
  danMobile: '+33644444444',
} as const;

export const CONTRACT_HOTLINE_NAME = 'Contract hotline';

const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: CONTRACT_NUMBERS.aliceMobile, label: 'mobile', ringTimeoutSeconds: 20 },
    { number: CONTRACT_NUMBERS.aliceHome, label: 'home', ringTimeoutSeconds: 30 },
  ],
});
const bob = aPerson({
  id: 'bob',
  name: 'Bob',
  numbers: [{ number: CONTRACT_NUMBERS.bobMobile, label: 'mobile', ringTimeoutSeconds: 25 }],
});
const dan = aPerson({
  id: 'dan',
  name: 'Dan',
  numbers: [{ number: CONTRACT_NUMBERS.danMobile, label: 'mobile', ringTimeoutSeconds: 25 }],
});
const onDuty: OnCall = { levels: [personRef(alice), personRef(bob)], slotId: 'slot-1', overrideIds: [] };

/**
 * The world every contract test starts from: one hotline, Alice (two numbers) then Bob on duty, Dan
 * supervising, voicemail last; press 1 required; machine detection on.
 */
export function contractRig(hotline: Partial<HotlineInput> = {}): InboundCallRig {
  return inboundCallRig(
    {
      hotlines: [
        aHotline({
          id: 'hl-contract',
          name: CONTRACT_HOTLINE_NAME,
          number: CONTRACT_NUMBERS.hotline,
          supervisorIds: ['dan'],
          ...hotline,
        }),
      ],
      people: [alice, bob, dan],
      onCall: { 'hl-contract': onDuty },
    },
    { service: { machineDetection: true } },
  );
}
