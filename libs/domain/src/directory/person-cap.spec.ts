import { ValidationError } from '../shared';
import { person } from './person';

const base = { id: 'p-1', accountId: 'acct-1', name: 'Alice', colour: '#1f77b4' };

describe("a person's cap on simultaneous calls", () => {
  it.each<[string, number | undefined, number]>([
    ['defaults to one call', undefined, 1],
    ['takes two', 2, 2],
    ['takes twenty at most', 20, 20],
  ])('%s', (_name, maxSimultaneousCalls, expected) => {
    expect(person({ ...base, maxSimultaneousCalls }).maxSimultaneousCalls).toBe(expected);
  });

  it.each<[string, number]>([
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
    ['over twenty', 21],
    ['not a number', Number.NaN],
  ])('refuses %s, naming the field', (_name, maxSimultaneousCalls) => {
    expect(() => person({ ...base, maxSimultaneousCalls })).toThrow(
      expect.objectContaining({ field: 'maxSimultaneousCalls', code: 'INVALID_MAX_SIMULTANEOUS_CALLS' }),
    );
    expect(() => person({ ...base, maxSimultaneousCalls })).toThrow(ValidationError);
  });
});
