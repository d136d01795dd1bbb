import { numberOf, parseNameAddress, parseUri, tagOf, userOf, withTag } from './sip-uri';

describe('parseUri', () => {
  it.each([
    ['sip:+33140000000@10.0.0.1', { scheme: 'sip', user: '+33140000000', host: '10.0.0.1', port: null, params: {} }],
    [
      'sips:alice:secret@Example.COM:5061;transport=tls;lr',
      { scheme: 'sips', user: 'alice', host: 'example.com', port: 5061, params: { transport: 'tls', lr: null } },
    ],
    ['sip:+331;npdi@h;user=phone', { scheme: 'sip', user: '+331', host: 'h', port: null, params: { user: 'phone' } }],
    ['sip:%2B33140000000@h', { scheme: 'sip', user: '+33140000000', host: 'h' }],
    ['sip:[::1]:5070', { scheme: 'sip', user: null, host: '[::1]', port: 5070 }],
    [
      'tel:+33140000000;phone-context=x',
      { scheme: 'tel', user: '+33140000000', host: '', port: null, params: { 'phone-context': 'x' } },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseUri(text)).toMatchObject(expected);
  });

  it.each(['http://h', 'sip:', 'sip:a@h:70000', 'mailto:a@h'])('refuses %s', (text) => {
    expect(parseUri(text)).toBeNull();
  });
});

describe('name-addr header values', () => {
  it.each([
    [
      '"Alice" <sip:+33611111111@h;user=phone>;tag=xy',
      { display: 'Alice', uri: 'sip:+33611111111@h;user=phone', params: { tag: 'xy' } },
    ],
    ['<sip:p;lr>', { display: null, uri: 'sip:p;lr', params: {} }],
    ['sip:bob@h;tag=1', { display: null, uri: 'sip:bob@h', params: { tag: '1' } }],
  ])('reads %s', (value, expected) => {
    expect(parseNameAddress(value)).toEqual(expected);
  });

  it('adds a tag only when there is none', () => {
    expect(withTag('<sip:b@h>', 't1')).toBe('<sip:b@h>;tag=t1');
    expect(withTag('<sip:b@h>;tag=t0', 't1')).toBe('<sip:b@h>;tag=t0');
    expect(tagOf('<sip:b@h>;tag=t0')).toBe('t0');
    expect(tagOf(undefined)).toBeNull();
  });

  it.each([
    ['<sip:+33140000000@h>', '+33140000000', '+33140000000'],
    ['sip:33140000000@h', '33140000000', '+33140000000'],
    ['"Anonymous" <sip:anonymous@anonymous.invalid>', 'anonymous', null],
    ['<tel:+33612345678>', '+33612345678', '+33612345678'],
    ['<sip:h>', null, null],
  ])('the user of %s is %s, the number %s', (value, user, number) => {
    expect(userOf(value)).toBe(user);
    expect(numberOf(value)).toBe(number);
  });
});
