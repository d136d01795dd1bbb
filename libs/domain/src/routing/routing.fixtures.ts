import { directoryOf } from '../directory';
import { aPerson, aTeam } from '../testing';

/** The people and teams the routing specs ring. Each number is distinct, so every step is recognisable. */
export const alice = aPerson({
  id: 'alice',
  name: 'Alice',
  numbers: [
    { number: '+33611111111', label: 'mobile', ringTimeoutSeconds: 20 },
    { number: '+33142000001', label: 'home', ringTimeoutSeconds: 30 },
  ],
});
export const bob = aPerson({ id: 'bob', name: 'Bob', numbers: [{ number: '+33622222222', label: 'mobile' }] });
/** Three numbers, the middle one disabled. */
export const carol = aPerson({
  id: 'carol',
  name: 'Carol',
  numbers: [
    { number: '+33633333333', label: 'mobile' },
    { number: '+33142000003', label: 'office', enabled: false },
    { number: '+33677777777', label: 'abroad', ringTimeoutSeconds: 45 },
  ],
});
/** Dan and Eve are the hotline's supervisors in most specs. */
export const dan = aPerson({ id: 'dan', name: 'Dan', numbers: [{ number: '+33644444444', label: 'mobile' }] });
export const eve = aPerson({ id: 'eve', name: 'Eve', numbers: [{ number: '+33655555555', label: 'mobile' }] });
/** Every number disabled. */
export const mute = aPerson({
  id: 'mute',
  name: 'Mute',
  numbers: [{ number: '+33666666666', label: 'mobile', enabled: false }],
});
export const crew = aTeam([bob, carol], { id: 'crew', name: 'Crew' });
export const pair = aTeam([alice, bob], { id: 'pair', name: 'Pair' });
/** Its first member is not in the directory. */
export const ghosts = aTeam([aPerson({ id: 'ghost' }), dan], { id: 'ghosts', name: 'Ghosts' });
export const directory = directoryOf([alice, bob, carol, dan, eve, mute], [crew, pair, ghosts]);
