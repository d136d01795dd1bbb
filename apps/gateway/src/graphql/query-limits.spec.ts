import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { complexityLimitRule, depthLimitRule, introspectionDisabledRule, selectionLimitRule } from './query-limits';

const schema = buildSchema(`
  type Query { people(first: Int, after: String): PersonConnection!  person(id: ID!): Person  node: Node }
  interface Node { id: ID! }
  type PersonConnection { edges: [PersonEdge!]!  pageInfo: PageInfo! }
  type PersonEdge { cursor: String!  node: Person! }
  type PageInfo { hasNextPage: Boolean! }
  type Person implements Node { id: ID!  name: String!  numbers: [Number!]!  team: Team }
  type Team implements Node { id: ID!  lead: Person  members: [Person!]! }
  type Number { e164: String! }
`);

const errorsOf = (
  query: string,
  rules = [depthLimitRule(4), complexityLimitRule({ maxComplexity: 300, maxPageSize: 100 })],
) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => ({
    code: e.extensions.code,
    message: e.message,
  }));

describe('depthLimitRule (max 4)', () => {
  it.each([
    ['{ person(id: "1") { name } }', 2],
    ['{ person(id: "1") { team { lead { name } } } }', 4],
    ['query { ...F } fragment F on Query { person(id: "1") { team { lead { name } } } }', 4],
    ['{ person(id: "1") { ... on Person { team { lead { name } } } } }', 4],
    ['{ __typename person(id: "1") { __typename name } }', 2],
  ])('accepts %s (depth %i)', (query) => {
    expect(errorsOf(query, [depthLimitRule(4)])).toEqual([]);
  });

  it.each([
    ['{ person(id: "1") { team { lead { team { id } } } } }', 5],
    ['query { ...F } fragment F on Query { person(id: "1") { team { lead { team { id } } } } }', 5],
    ['{ person(id: "1") { team { members { team { members { name } } } } } }', 6],
    // introspection counts like any other field
    ['{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 7],
  ])('refuses %s with QUERY_TOO_DEEP (depth %i)', (query, depth) => {
    expect(errorsOf(query, [depthLimitRule(4)])).toEqual([
      { code: 'QUERY_TOO_DEEP', message: `The operation is nested ${depth} levels deep; at most 4 are allowed.` },
    ]);
  });
});

describe('complexityLimitRule (max 300, pages of 100)', () => {
  const rule = complexityLimitRule({ maxComplexity: 300, maxPageSize: 100 });

  it.each([
    // people 1 + edges 1 + 10 × (node 1 + name 1) = 22
    ['{ people(first: 10) { edges { node { name } } } }', 22],
    // 1 + 1 + 10 × (node 1 + id 1 + name 1 + numbers 1 + 10 × e164 1) + pageInfo 1 + hasNextPage 1 = 144
    ['{ people(first: 10) { edges { node { id name numbers { e164 } } } pageInfo { hasNextPage } } }', 144],
    ['query($n: Int = 5) { people(first: $n) { edges { node { name } } } }', 12],
  ])('accepts %s (cost %i)', (query) => {
    expect(errorsOf(query, [rule])).toEqual([]);
  });

  it.each([
    ['{ people(first: 25) { edges { node { id name numbers { e164 } } } pageInfo { hasNextPage } } }', 354],
    // a variable without default costs a whole page: 1 + 1 + 100 × 4
    ['query($n: Int) { people(first: $n) { edges { node { name team { id } } } } }', 402],
    // __typename costs like any other field: 100 × (1 + 1) + 1 + 1 + 100 × 1
    ['{ people(first: 100) { edges { __typename node { name } } } }', 302],
    // so does introspection: twice (__schema 1 + types 1 + 10 × (fields 1 + 10 × 3))
    [
      '{ a: __schema { types { fields { name type { name } } } } b: __schema { types { fields { name type { name } } } } }',
      624,
    ],
    // aliases count as many times as they are asked: 3 × (1 + 1 + 50 × 2)
    [
      '{ a: people(first: 50) { edges { node { name } } } b: people(first: 50) { edges { node { name } } } c: people(first: 50) { edges { node { name } } } }',
      306,
    ],
  ])('refuses %s with QUERY_TOO_COMPLEX (cost %i)', (query, cost) => {
    expect(errorsOf(query, [rule])).toEqual([
      {
        code: 'QUERY_TOO_COMPLEX',
        message: `The operation would cost ${cost}; at most 300 is allowed. Ask for smaller pages or fewer fields.`,
      },
    ]);
  });

  it('prices a fragment spread many times once per spread without walking it again (no exponential blow-up)', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Person { ...F${i} ...F${i} }`).join(
      '\n',
    );
    const query = `{ person(id: "1") { ...F30 } }\nfragment F0 on Person { name }\n${levels}`;
    const started = Date.now();
    const errors = errorsOf(query, [rule]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' })]);
  });
});

describe('selectionLimitRule (at most 3 aliases, 10 fields)', () => {
  const rule = selectionLimitRule({ maxAliases: 3, maxFields: 10 });

  it.each([
    ['{ a: person(id: "1") { name } b: person(id: "2") { name } c: person(id: "3") { __typename } }'],
    ['{ person(id: "1") { ...F ...F } } fragment F on Person { id name team { id } }'],
  ])('accepts %s', (query) => {
    expect(errorsOf(query, [rule])).toEqual([]);
  });

  it.each([
    [
      '{ a: __typename b: __typename c: __typename d: __typename }',
      'QUERY_TOO_MANY_ALIASES',
      'The operation uses 4 aliases; at most 3 are allowed.',
    ],
    // a fragment counts once per spread: 3 spreads × 2 aliases
    [
      '{ person(id: "1") { ...F ...F ...F } } fragment F on Person { a: id b: name }',
      'QUERY_TOO_MANY_ALIASES',
      'The operation uses 6 aliases; at most 3 are allowed.',
    ],
    [
      '{ __typename person(id: "1") { __typename id name numbers { __typename e164 } team { __typename id lead { name } } } }',
      'QUERY_TOO_MANY_FIELDS',
      'The operation asks for 13 fields; at most 10 are allowed.',
    ],
    [
      '{ person(id: "1") { ...F ...F ...F ...F } } fragment F on Person { id name team { id } }',
      'QUERY_TOO_MANY_FIELDS',
      'The operation asks for 17 fields; at most 10 are allowed.',
    ],
    [
      '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
      'QUERY_TOO_MANY_FIELDS',
      'The operation asks for 11 fields; at most 10 are allowed.',
    ],
  ])('refuses %s with %s', (query, code, message) => {
    expect(errorsOf(query, [rule])).toEqual([{ code, message }]);
  });

  it('counts a fragment doubled thirty times without walking it 2^30 times', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Person { ...F${i} ...F${i} }`).join(
      '\n',
    );
    const query = `{ person(id: "1") { ...F30 } }\nfragment F0 on Person { x: name }\n${levels}`;
    const started = Date.now();
    const errors = errorsOf(query, [rule]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([
      {
        code: 'QUERY_TOO_MANY_FIELDS',
        message: `The operation asks for ${2 ** 30 + 1} fields; at most 10 are allowed.`,
      },
      { code: 'QUERY_TOO_MANY_ALIASES', message: `The operation uses ${2 ** 30} aliases; at most 3 are allowed.` },
    ]);
  });
});

describe('introspectionDisabledRule', () => {
  const rule = introspectionDisabledRule();

  it.each([
    ['{ __schema { types { name fields { name } } } }'],
    ['{ __type(name: "Person") { fields { name } } }'],
    [
      '{ person(id: "1") { name } ...I } fragment I on Query { a: __schema { queryType { name } } b: __schema { queryType { name } } }',
    ],
  ])('refuses %s once with INTROSPECTION_DISABLED', (query) => {
    expect(errorsOf(query, [rule])).toEqual([
      {
        code: 'INTROSPECTION_DISABLED',
        message: expect.stringMatching(/^Introspection is disabled: `__(schema|type)` cannot be asked/),
      },
    ]);
  });

  it('lets __typename through', () => {
    expect(errorsOf('{ __typename person(id: "1") { __typename name } }', [rule])).toEqual([]);
  });
});
