import { NetworkReply, replyProblem } from './network';

const ring: NetworkReply = {
  kind: 'ring',
  to: '+33611111111',
  callerId: '+33140000000',
  ringTimeoutSeconds: 20,
  confirm: true,
};

describe('carrier contract: what makes a reply unusable', () => {
  it.each<[string, unknown[], boolean, string | null]>([
    ['a ring', [ring], true, null],
    ['a dropped leg, then a ring', [{ kind: 'hang-up-leg' }, ring], true, null],
    ['nothing, when nobody waits', [{ kind: 'nothing' }], false, null],
    ['an empty reply, when nobody waits', [], false, null],
    ['an empty reply, when the caller waits', [], true, 'the caller is left with nothing to hear'],
    ['only nothing, when the caller waits', [{ kind: 'nothing' }], true, 'the caller is left with nothing to hear'],
    [
      'a ring to a number that is not E.164',
      [{ ...ring, to: '0611111111' }],
      true,
      'reply[0]: ring: "0611111111" is not an E.164 number',
    ],
    [
      'a ring without caller id',
      [{ ...ring, callerId: '' }],
      true,
      'reply[0]: ring: caller id "" is not an E.164 number',
    ],
    [
      'a ring without timeout',
      [{ ...ring, ringTimeoutSeconds: 0 }],
      true,
      'reply[0]: ring: ring timeout 0 is not 1 to 600 seconds',
    ],
    ['a message without text', [{ kind: 'say', text: ' ' }], true, 'reply[0]: say: no text'],
    ['an announcement without text', [{ kind: 'announce', text: '' }], false, 'reply[0]: announce: no text'],
    [
      'an instruction the kit does not know',
      [{ kind: 'dance' }],
      false,
      'reply[0]: unknown instruction {"kind":"dance"}',
    ],
  ])('%s', (_name, reply, callerWaits, problem) => {
    expect(replyProblem(reply as NetworkReply[], callerWaits)).toBe(problem);
  });

  it('refuses a reply that is not a list', () => {
    expect(replyProblem({} as NetworkReply[], false)).toBe('the reply is not a list');
  });
});
