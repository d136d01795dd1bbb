import { Colour, nextDistinctColour, DISTINCT_PALETTE } from './colour';
import { EmailAddress } from './email-address';
import { ValidationError } from './errors';
import { LocalDate, LocalDateTime, LocalTime } from './local-date-time';
import { PhoneNumber } from './phone-number';
import { RingTimeout } from './ring-timeout';
import { WeekdaySet } from './weekday-set';

const refused = (build: () => unknown, code: string, field: string) =>
  expect(build).toThrow(expect.objectContaining({ name: 'ValidationError', code, field }));

describe('PhoneNumber', () => {
  it.each([
    ['+33 6 12 34 56 78', undefined, '+33612345678'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['+61 2 9876 5432', 'FR', '+61298765432'],
  ] as const)('normalises %s (default country %s) to %s', (input, country, e164) => {
    expect(PhoneNumber.parse(input, { defaultCountry: country }).e164).toBe(e164);
  });

  it('knows the line type, for toll-fraud checks', () => {
    expect(PhoneNumber.parse('+33612345678').type).toBe('MOBILE');
    expect(PhoneNumber.parse('+33899123456').type).toBe('PREMIUM_RATE');
  });

  it.each([
    ['06 12 34 56 78', 'INVALID_PHONE_NUMBER'], // national without a country
    ['+33 1', 'INVALID_PHONE_NUMBER'],
    ['hello', 'INVALID_PHONE_NUMBER'],
    ['', 'INVALID_PHONE_NUMBER'],
  ])('refuses %p', (input, code) =>
    refused(() => PhoneNumber.parse(input, { field: 'numbers[0].number' }), code, 'numbers[0].number'),
  );

  it('stored numbers must already be E.164', () => {
    refused(() => PhoneNumber.fromE164('0612345678', 'number'), 'INVALID_PHONE_NUMBER', 'number');
    expect(PhoneNumber.fromE164('+33612345678').country).toBe('FR');
  });

  it('validates a stored number once, and an invalid one every time, naming the field each time', () => {
    expect(PhoneNumber.fromE164('+33612345679')).toBe(PhoneNumber.fromE164('+33612345679'));
    refused(() => PhoneNumber.fromE164('+33012345678', 'first'), 'INVALID_PHONE_NUMBER', 'first');
    refused(() => PhoneNumber.fromE164('+33012345678', 'second'), 'INVALID_PHONE_NUMBER', 'second');
  });

  it('parses an E.164 number once for both readers (people numbers are parsed, hotline numbers read as stored)', () => {
    const parsed = PhoneNumber.parse('+33612345670', { defaultCountry: 'BE' });
    expect(PhoneNumber.parse('+33612345670')).toBe(parsed);
    expect(PhoneNumber.fromE164('+33612345670')).toBe(parsed);
    // A national form is not a key: its meaning depends on the default country.
    expect(PhoneNumber.parse('0612345670', { defaultCountry: 'FR' }).e164).toBe('+33612345670');
    expect(PhoneNumber.parse('0470123456', { defaultCountry: 'BE' }).country).toBe('BE');
  });
});

describe('Colour', () => {
  it('normalises to lower case and refuses other forms', () => {
    expect(Colour.parse('#ABCDEF').hex).toBe('#abcdef');
    refused(() => Colour.parse('red', 'colour'), 'INVALID_COLOUR', 'colour');
  });

  it('hands out a colour nobody uses yet, even past the palette', () => {
    const taken: Colour[] = [];
    for (let i = 0; i < DISTINCT_PALETTE.length + 30; i++) {
      const next = nextDistinctColour(taken);
      expect(taken.some((c) => c.equals(next))).toBe(false);
      taken.push(next);
    }
    expect(taken[0].hex).toBe(DISTINCT_PALETTE[0]);
  });
});

describe('RingTimeout', () => {
  it.each([5, 25, 120])('accepts %i s', (s) => expect(RingTimeout.ofSeconds(s).seconds).toBe(s));
  it.each([4, 121, 10.5, NaN])('refuses %p rather than clamping', (s) =>
    refused(() => RingTimeout.ofSeconds(s, 'ring'), 'INVALID_RING_TIMEOUT', 'ring'),
  );
});

describe('local dates and times', () => {
  it('parses, formats and knows weekdays', () => {
    expect(LocalDateTime.parse('2027-03-28T02:30').toString()).toBe('2027-03-28T02:30');
    expect(LocalDate.parse('2027-03-28').weekday).toBe(7);
    expect(LocalDate.parse('2027-03-29').startOfWeek().toString()).toBe('2027-03-29');
    expect(LocalDate.parse('2027-04-04').startOfWeek().toString()).toBe('2027-03-29');
    expect(LocalDateTime.parse('2027-03-28T22:00').plusDays(1).toString()).toBe('2027-03-29T22:00');
    expect(LocalTime.parse('18:05').minuteOfDay).toBe(18 * 60 + 5);
    expect(LocalDateTime.parse('2027-03-28T23:59').time.toString()).toBe('23:59');
  });

  it.each(['2027-02-29T10:00', '2027-13-01T00:00', '2027-03-28T24:00', '2027-03-28 10:00', '2027-03-28T10:00:30'])(
    'refuses %p',
    (text) => refused(() => LocalDateTime.parse(text, 'start'), 'INVALID_LOCAL_DATE_TIME', 'start'),
  );
  it('refuses impossible times of day', () =>
    refused(() => LocalTime.parse('25:00', 'end'), 'INVALID_LOCAL_TIME', 'end'));
});

describe('WeekdaySet and EmailAddress', () => {
  it('reads weekday names and refuses unknown ones with their index', () => {
    const set = WeekdaySet.of(['mon', 'FRI']);
    expect([set.has(1), set.has(5), set.has(6)]).toEqual([true, true, false]);
    refused(() => WeekdaySet.of(['MON', 'Funday'], 'days'), 'INVALID_WEEKDAYS', 'days[1]');
    refused(() => WeekdaySet.of([], 'days'), 'INVALID_WEEKDAYS', 'days');
  });

  it('normalises e-mail domains and refuses non-addresses', () => {
    expect(EmailAddress.parse(' Ops@Example.COM ').value).toBe('Ops@example.com');
    refused(() => EmailAddress.parse('ops@', 'email'), 'INVALID_EMAIL', 'email');
    expect(() => EmailAddress.parse('a b@c.d')).toThrow(ValidationError);
  });
});
