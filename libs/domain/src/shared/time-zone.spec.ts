import { ValidationError } from './errors';
import { HOUR_MS, formatInstant, parseInstant } from './instant';
import { LocalDateTime } from './local-date-time';
import { TimeZone } from './time-zone';

const at = (local: string, zone: string) => formatInstant(TimeZone.of(zone).toInstant(LocalDateTime.parse(local)));

describe('TimeZone', () => {
  it.each([
    // zone, wall clock, instant it designates
    ['Europe/Paris', '2027-03-28T01:59', '2027-03-28T00:59:00.000Z'],
    ['Europe/Paris', '2027-03-28T02:00', '2027-03-28T01:00:00.000Z'], // skipped: the instant clocks jumped
    ['Europe/Paris', '2027-03-28T02:30', '2027-03-28T01:00:00.000Z'], // skipped
    ['Europe/Paris', '2027-03-28T03:00', '2027-03-28T01:00:00.000Z'],
    ['Europe/Paris', '2027-03-28T03:01', '2027-03-28T01:01:00.000Z'],
    ['Europe/Paris', '2027-10-31T01:59', '2027-10-30T23:59:00.000Z'],
    ['Europe/Paris', '2027-10-31T02:00', '2027-10-31T00:00:00.000Z'], // repeated: first occurrence
    ['Europe/Paris', '2027-10-31T02:30', '2027-10-31T00:30:00.000Z'], // repeated: first occurrence
    ['Europe/Paris', '2027-10-31T03:00', '2027-10-31T02:00:00.000Z'],
    ['America/New_York', '2027-03-14T02:30', '2027-03-14T07:00:00.000Z'],
    ['America/New_York', '2027-11-07T01:30', '2027-11-07T05:30:00.000Z'],
    ['America/New_York', '2027-11-07T02:00', '2027-11-07T07:00:00.000Z'],
    ['Australia/Lord_Howe', '2027-04-04T01:45', '2027-04-03T14:45:00.000Z'], // +11 first occurrence
    ['Australia/Lord_Howe', '2027-04-04T02:00', '2027-04-03T15:30:00.000Z'], // +10:30
    ['Australia/Lord_Howe', '2027-10-03T02:15', '2027-10-02T15:30:00.000Z'], // skipped half hour
    ['Australia/Lord_Howe', '2027-10-03T02:30', '2027-10-02T15:30:00.000Z'],
    ['Asia/Tokyo', '2027-03-28T02:30', '2027-03-27T17:30:00.000Z'],
  ])('%s %s is %s', (zone, local, instant) => {
    expect(at(local, zone)).toBe(instant);
  });

  it('reads the offset in force at an instant', () => {
    const paris = TimeZone.of('Europe/Paris');
    expect(paris.offsetAt(parseInstant('2027-03-28T00:59:59Z'))).toBe(1 * HOUR_MS);
    expect(paris.offsetAt(parseInstant('2027-03-28T01:00:00Z'))).toBe(2 * HOUR_MS);
    expect(paris.offsetAt(parseInstant('2027-10-31T00:59:59Z'))).toBe(2 * HOUR_MS);
    expect(paris.offsetAt(parseInstant('2027-10-31T01:00:00Z'))).toBe(1 * HOUR_MS);
    expect(TimeZone.of('Australia/Lord_Howe').offsetAt(parseInstant('2027-07-01T00:00:00Z'))).toBe(10.5 * HOUR_MS);
  });

  it('shows an instant as wall-clock time, twice 02:30 on the night clocks go back', () => {
    const paris = TimeZone.of('Europe/Paris');
    expect(paris.toLocal(parseInstant('2027-10-31T00:30:00Z')).toString()).toBe('2027-10-31T02:30');
    expect(paris.toLocal(parseInstant('2027-10-31T01:30:00Z')).toString()).toBe('2027-10-31T02:30');
  });

  it('never maps a later wall-clock time to an earlier instant', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe']) {
      const tz = TimeZone.of(zone);
      let previous = -Infinity;
      const backwards: string[] = [];
      for (
        let t = LocalDateTime.parse('2027-01-01T00:00');
        t.isBefore(LocalDateTime.parse('2028-01-01T00:00'));
        t = t.plusMinutes(15)
      ) {
        const instant = tz.toInstant(t);
        if (instant < previous) backwards.push(`${zone} ${t}`);
        previous = instant;
      }
      expect(backwards).toEqual([]);
    }
  });

  it.each(['Mars/Olympus', '+01:00', '', 'Europe/../etc/passwd'])('refuses %p naming the field', (name) => {
    expect(() => TimeZone.of(name, 'hotline.timeZone')).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'INVALID_TIME_ZONE', field: 'hotline.timeZone' }),
    );
    expect(() => TimeZone.of(name)).toThrow(ValidationError);
  });
});
