import { fromBullMqJobId, toBullMqJobId } from './bullmq-job-id';

describe('BullMQ job ids', () => {
  it.each([
    ['voicemail-rec-1', 'voicemail-rec-1'],
    ['voicemail:rec-1', 'voicemail%3Arec-1'],
    ['a:b:c', 'a%3Ab%3Ac'],
    ['100%', '100%25'],
    ['%3A', '%253A'],
    ['42', '%342'],
    ['-7', '%2D7'],
    ['007', '007'],
    ['4.2', '4.2'],
  ])('stores %j as %j and reads it back', (ours, stored) => {
    expect(toBullMqJobId(ours)).toBe(stored);
    expect(fromBullMqJobId(stored)).toBe(ours);
  });

  it('never maps two ids to one', () => {
    const ids = ['a:b', 'a%3Ab', 'a_b', '42', '%342', '%3442', ':', '%', '%25', '%3A'];
    expect(new Set(ids.map(toBullMqJobId)).size).toBe(ids.length);
  });
});
