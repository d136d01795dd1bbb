import { Instant, formatInstant, invalid, parseInstant } from '@dutyline/domain';
import { GraphQLScalarType, Kind } from 'graphql';

/**
 * `Instant`: a point in time as ISO 8601. Output is UTC (`2027-03-28T01:30:00.000Z`); input needs an
 * explicit offset or `Z`. Resolvers see the domain's `Instant` (epoch milliseconds). A bad value is
 * refused with the domain's `INVALID_INSTANT` code and the argument path.
 * Use: `@Field(() => InstantScalar) at!: Instant`.
 */
export const InstantScalar = new GraphQLScalarType<Instant, string>({
  name: 'Instant',
  description: 'A point in time, ISO 8601: `2027-03-28T01:30:00.000Z` on output; any explicit offset on input.',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new TypeError(`Instant cannot represent ${String(value)}`);
    return formatInstant(value);
  },
  parseValue(value) {
    if (typeof value !== 'string')
      invalid('INVALID_INSTANT', 'instant', 'an Instant is an ISO 8601 string, e.g. 2027-03-28T01:00:00Z');
    return parseInstant(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      invalid('INVALID_INSTANT', 'instant', 'an Instant is an ISO 8601 string, e.g. 2027-03-28T01:00:00Z');
    return parseInstant(ast.value);
  },
});
