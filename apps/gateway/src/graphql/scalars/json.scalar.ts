import { JsonValue } from '@dutyline/domain';
import { GraphQLScalarType } from 'graphql';

/** `JSON`: any JSON value, output only (audit snapshots, details). Inputs are typed; this scalar refuses them. */
export const JsonScalar = new GraphQLScalarType<JsonValue, JsonValue>({
  name: 'JSON',
  description: 'A JSON value (output only).',
  serialize: (value) => value as JsonValue,
  parseValue() {
    throw new TypeError('JSON is an output type only');
  },
  parseLiteral() {
    throw new TypeError('JSON is an output type only');
  },
});
