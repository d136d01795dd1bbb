import { SipParseError, parseSipMessage, serialiseSipMessage, splitList } from './sip-codec';
import { SipRequest, SipResponse } from './sip-message';

const datagram = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

const INVITE = datagram(
  'INVITE sip:+33140000000@10.0.0.1 SIP/2.0',
  'v: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1, SIP/2.0/UDP 10.0.0.3;branch=z9hG4bK0',
  'f: "Doe, John" <sip:+33612345678@10.0.0.2>;tag=a',
  't: <sip:+33140000000@10.0.0.1>',
  'i: abc@10.0.0.2',
  'CSeq: 7 INVITE',
  'Subject: a folded',
  '  subject line',
  'Record-Route: <sip:p1;lr>, <sip:p2;lr>',
  'l: 3',
  '',
  'v=0\r\nextra',
);

describe('parseSipMessage', () => {
  it('reads a request: compact names, folded lines, list headers split, body cut at Content-Length', () => {
    const message = parseSipMessage(INVITE) as SipRequest;
    expect(message).toMatchObject({ kind: 'request', method: 'INVITE', uri: 'sip:+33140000000@10.0.0.1' });
    expect(message.headers.all('Via')).toEqual([
      'SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1',
      'SIP/2.0/UDP 10.0.0.3;branch=z9hG4bK0',
    ]);
    expect(message.headers.get('From')).toBe('"Doe, John" <sip:+33612345678@10.0.0.2>;tag=a');
    expect(message.headers.get('call-id')).toBe('abc@10.0.0.2');
    expect(message.headers.get('Subject')).toBe('a folded subject line');
    expect(message.headers.all('Record-Route')).toEqual(['<sip:p1;lr>', '<sip:p2;lr>']);
    expect(message.body.toString()).toBe('v=0');
  });

  it('reads a response and its reason phrase', () => {
    const message = parseSipMessage(
      datagram(
        'SIP/2.0 486 Busy Here',
        'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
        'From: <sip:a@h>;tag=1',
        'To: <sip:b@h>;tag=2',
        'Call-ID: c',
        'CSeq: 1 INVITE',
        '',
        '',
      ),
    ) as SipResponse;
    expect(message).toMatchObject({ kind: 'response', status: 486, reason: 'Busy Here' });
    expect(message.body.length).toBe(0);
  });

  it('reads a keep-alive (line ends only) as nothing', () => {
    expect(parseSipMessage(Buffer.from('\r\n\r\n'))).toBeNull();
  });

  it.each([
    [
      'no Call-ID',
      datagram(
        'OPTIONS sip:h SIP/2.0',
        'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
        'From: <sip:a@h>;tag=1',
        'To: <sip:b@h>',
        'CSeq: 1 OPTIONS',
        '',
        '',
      ),
    ],
    [
      'a Content-Length beyond the datagram',
      datagram(
        'OPTIONS sip:h SIP/2.0',
        'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
        'From: <sip:a@h>;tag=1',
        'To: <sip:b@h>',
        'Call-ID: c',
        'CSeq: 1 OPTIONS',
        'Content-Length: 99',
        '',
        'x',
      ),
    ],
    [
      'a start line that is not SIP',
      datagram(
        'GET / HTTP/1.1',
        'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
        'From: <sip:a@h>;tag=1',
        'To: <sip:b@h>',
        'Call-ID: c',
        'CSeq: 1 OPTIONS',
        '',
        '',
      ),
    ],
    ['a header line without a name', datagram('OPTIONS sip:h SIP/2.0', 'no colon here', '', '')],
  ])('refuses %s', (_name, bytes) => {
    expect(() => parseSipMessage(bytes)).toThrow(SipParseError);
  });
});

describe('serialiseSipMessage', () => {
  it('writes what it read, with one header per list entry and Content-Length last, from the body', () => {
    const text = serialiseSipMessage(parseSipMessage(INVITE)!).toString();
    expect(text.split('\r\n')).toEqual([
      'INVITE sip:+33140000000@10.0.0.1 SIP/2.0',
      'Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1',
      'Via: SIP/2.0/UDP 10.0.0.3;branch=z9hG4bK0',
      'From: "Doe, John" <sip:+33612345678@10.0.0.2>;tag=a',
      'To: <sip:+33140000000@10.0.0.1>',
      'Call-ID: abc@10.0.0.2',
      'CSeq: 7 INVITE',
      'Subject: a folded subject line',
      'Record-Route: <sip:p1;lr>',
      'Record-Route: <sip:p2;lr>',
      'Content-Length: 3',
      '',
      'v=0',
    ]);
  });
});

describe('splitList', () => {
  it.each([
    ['a, b ,c', ['a', 'b', 'c']],
    ['"x, y" <sip:a@h>, <sip:b@h;p=1,2>', ['"x, y" <sip:a@h>', '<sip:b@h;p=1,2>']],
    ['"esc \\" ,q" <sip:a@h>', ['"esc \\" ,q" <sip:a@h>']],
    ['', []],
  ])('%s', (value, items) => {
    expect(splitList(value)).toEqual(items);
  });
});
