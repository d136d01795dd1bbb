import { buildSchema, parse, validate } from 'graphql';
import { inputErrorPath } from './input-error-path';

const schema = buildSchema(`
  input NumberInput { number: String!  ringTimeoutSeconds: Int }
  input PersonInput { name: String!  contactNumbers: [NumberInput!] }
  type Query { person(id: ID!, first: Int): String }
  type Mutation { addPerson(input: PersonInput!): String }
`);

const pathsOf = (query: string) => validate(schema, parse(query)).map(inputErrorPath);

describe('inputErrorPath', () => {
  it.each([
    ['{ person(id: "1", first: "ten") }', ['first']],
    ['{ person(id: 1.5) }', ['id']],
    ['{ person }', ['id']],
    ['mutation { addPerson(input: { name: 3 }) }', ['input.name']],
    [
      'mutation { addPerson(input: { name: "A", contactNumbers: [{ number: "1" }, { number: "2", ringTimeoutSeconds: "x" }] }) }',
      ['input.contactNumbers[1].ringTimeoutSeconds'],
    ],
    [
      'mutation { addPerson(input: { name: "A", contactNumbers: [{ label: "x" }] }) }',
      ['input.contactNumbers[0].label', 'input.contactNumbers[0].number'],
    ],
    ['{ unknownField }', [undefined]],
  ])('%s → %j', (query, paths) => {
    expect(pathsOf(query).sort()).toEqual([...paths].sort());
  });

  it.each([
    [
      'Variable "$input" got invalid value "x" at "input.contactNumbers[0].number"; String cannot represent a non string value',
      'input.contactNumbers[0].number',
    ],
    ['Variable "$id" got invalid value 3; ID cannot represent value', 'id'],
    ['Variable "$id" of required type "ID!" was not provided.', 'id'],
    ['Variable "$first" of non-null type "Int!" must not be null.', 'first'],
  ])('reads variable errors: %s → %s', async (message, path) => {
    const { GraphQLError } = await import('graphql');
    expect(inputErrorPath(new GraphQLError(message))).toBe(path);
  });
});
