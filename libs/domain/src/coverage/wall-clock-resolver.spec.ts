import { DAY_MS, LocalDate, LocalDateTime, MINUTE_MS, TimeZone } from '../shared';
import { WallClockResolver } from './wall-clock-resolver';

describe('WallClockResolver', () => {
  it.each([
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Tokyo',
    'America/Santiago',
    'Africa/Casablanca', // clocks change twice around Ramadan
    'Pacific/Chatham',
    'Asia/Tehran',
  ])('answers as TimeZone.toInstant does for every quarter hour of 2027 in %s', (name) => {
    const zone = TimeZone.of(name);
    const first = LocalDate.parse('2027-01-01').epochDay;
    const last = LocalDate.parse('2027-12-31').epochDay;
    const resolver = new WallClockResolver(zone, first, last);
    const different: string[] = [];
    for (let wall = first * DAY_MS; wall < (last + 1) * DAY_MS; wall += 15 * MINUTE_MS) {
      const expected = zone.toInstant(LocalDateTime.ofWall(wall));
      if (resolver.toInstant(wall) !== expected) different.push(LocalDateTime.ofWall(wall).toString());
    }
    expect(different).toEqual([]);
  });

  it('shifts by the offset in force, without asking toInstant, where no change is near', () => {
    const steady = {
      offsetAt: () => 9 * 60 * MINUTE_MS,
      toInstant: () => {
        throw new Error('toInstant should not be needed');
      },
    } as unknown as TimeZone;
    const day = LocalDate.parse('2027-06-01').epochDay;
    const resolver = new WallClockResolver(steady, day, day + 30);
    expect(resolver.toInstant(LocalDateTime.parse('2027-06-15T22:00').wall)).toBe(Date.parse('2027-06-15T13:00:00Z'));
  });

  it('defers to TimeZone.toInstant outside the days it was built for', () => {
    const paris = TimeZone.of('Europe/Paris');
    const resolver = new WallClockResolver(
      paris,
      LocalDate.parse('2027-06-01').epochDay,
      LocalDate.parse('2027-06-02').epochDay,
    );
    for (const wall of ['2027-03-28T02:30', '2027-10-31T02:30', '2027-06-01T12:00']) {
      expect(resolver.toInstant(LocalDateTime.parse(wall).wall)).toBe(paris.toInstant(LocalDateTime.parse(wall)));
    }
  });
});
