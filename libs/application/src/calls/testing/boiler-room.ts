import { HotlineInput, OnCall, parseInstant } from '@dutyline/domain';
import { aHotline, aPerson, personRef } from '@dutyline/domain/testing';
import { CallInstruction } from '../call-instruction';
import { InboundCallRigOptions, InboundCallWorld, inboundCallRig } from './inbound-call-rig';

/** The people the call specs ring; every number is distinct so each step is recognisable. */
export const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: '+33611111111', label: 'mobile', ringTimeoutSeconds: 20 },
    { number: '+33142000001', label: 'home', ringTimeoutSeconds: 30 },
  ],
});
export const bob = aPerson({ id: 'bob', name: 'Bob', numbers: [{ number: '+33622222222', label: 'mobile' }] });
/** The hotline's supervisor. */
export const dan = aPerson({ id: 'dan', name: 'Dan', numbers: [{ number: '+33644444444', label: 'mobile' }] });

export const HOTLINE_NUMBER = '+33140000000';
export const CALLER = '+33612345678';
export const T0 = parseInstant('2027-03-28T00:30:00Z');
/** `seconds` after T0. */
export const at = (seconds: number): number => T0 + seconds * 1000;

export const boilerRoom = (options: Partial<HotlineInput> = {}) =>
  aHotline({ id: 'hl-1', name: 'Boiler room', number: HOTLINE_NUMBER, supervisorIds: ['dan'], ...options });

export const aliceThenBob: OnCall = { levels: [personRef(alice), personRef(bob)], slotId: 'slot-1', overrideIds: [] };

/** A rig for the boiler room with Alice then Bob on duty, Dan supervising. */
export function boilerRoomRig(
  hotline: Partial<HotlineInput> = {},
  options: InboundCallRigOptions = {},
  world: Partial<InboundCallWorld> = {},
) {
  return inboundCallRig(
    { hotlines: [boilerRoom(hotline)], people: [alice, bob, dan], onCall: { 'hl-1': aliceThenBob }, ...world },
    options,
  );
}

/** One line per instruction, the way a reader checks a call by ear. */
export function said(instruction: CallInstruction): string {
  switch (instruction.kind) {
    case 'dial': {
      const drop = instruction.dropLeg ? ` (drop ${instruction.dropLeg.to})` : '';
      const greeting = instruction.greeting ? 'greeting, ' : '';
      return (
        `${greeting}dial ${instruction.target.personName}/${instruction.target.label} ${instruction.to} ${instruction.ringTimeoutSeconds}s` +
        `${instruction.confirm ? ' confirm' : ''}${drop}`
      );
    }
    case 'dial-group':
      return `${instruction.greeting ? 'greeting, ' : ''}dial together ${instruction.dials.map(said).join(' + ')}`;
    case 'bridge':
      return `bridge ${instruction.to}${instruction.drop ? `, drop ${instruction.drop.map((l) => l.to).join(' + ')}` : ''}`;
    case 'voicemail':
      return `voicemail${instruction.greeting ? ' after greeting' : ''}${instruction.dropLeg ? ` (drop ${instruction.dropLeg.to})` : ''}`;
    case 'message':
      return `message "${instruction.prompt.kind === 'text' ? instruction.prompt.text : instruction.prompt.url}"`;
    case 'announce':
      return `announce "${instruction.prompt.kind === 'text' ? instruction.prompt.text : instruction.prompt.url}"`;
    case 'hang-up-leg':
      return `hang up ${instruction.to}`;
    case 'hang-up-legs':
      return `hang up ${instruction.legs.map((l) => l.to).join(' + ')}`;
    case 'unknown-number':
      return `unknown number ${instruction.number} (${instruction.language})`;
    case 'nothing':
      return 'nothing';
    case 'gather': {
      const spoken = instruction.prompt.kind === 'text' ? instruction.prompt.text : instruction.prompt.url;
      return `gather ${instruction.stage} "${spoken}" ${instruction.maxDigits} key(s)${instruction.submitOnHash ? ' or #' : ''}`;
    }
  }
}
