import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GatewayConfig } from '../config/gateway-config';
import { JsonLogger } from '../logging/json-logger';
import { RequestContext } from '../logging/request-context';
import { mapGraphQLError } from './graphql-error-mapping';
import { complexityLimitRule, depthLimitRule, introspectionDisabledRule, selectionLimitRule } from './query-limits';

export const GRAPHQL_PATH = '/graphql';

/** Names the operation in the request's log line (`query people`, `mutation login`). */
const operationInRequestLog: NonNullable<ApolloDriverConfig['plugins']>[number] = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName }) {
        const scope = RequestContext.current();
        if (scope && operation)
          scope.operation = `${operation.operation} ${operationName ?? operation.name?.value ?? '(anonymous)'}`;
      },
    };
  },
};

/** What a browser opening `/graphql` gets: a page of our own, nothing loaded from elsewhere (Apollo's and Nest's load a CDN). */
export const LANDING_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dutyline GraphQL API</title></head>
<body><h1>Dutyline GraphQL API</h1>
<p>Send queries as <code>POST</code> with <code>content-type: application/json</code> to this address.
The schema is published as <code>apps/gateway/schema.graphql</code> in the repository.</p></body></html>
`;

const localLandingPage: NonNullable<ApolloDriverConfig['plugins']>[number] = {
  async serverWillStart() {
    return { renderLandingPage: async () => ({ html: LANDING_PAGE_HTML }) };
  },
};

/**
 * Apollo, code-first: schema built from the decorators (sorted), served at `/graphql`, every error
 * through `mapGraphQLError`, no stack traces. Before anything runs, a request is held to the
 * limits of `config.graphql`: the parser stops past `maxTokens`, then validation rules refuse depth,
 * complexity, fields, aliases and (unless enabled) introspection, each with its own code.
 * The committed `schema.graphql` is written by `npm run schema` and checked by `schema.spec.ts`.
 */
export function graphqlOptions(config: GatewayConfig, logger: JsonLogger): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // Apollo's own switch is left on: introspectionDisabledRule refuses it with a code of ours instead.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
    graphiql: false,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    validationRules: [
      depthLimitRule(config.graphql.maxDepth),
      complexityLimitRule({ maxComplexity: config.graphql.maxComplexity, maxPageSize: config.graphql.maxPageSize }),
      selectionLimitRule({ maxAliases: config.graphql.maxAliases, maxFields: config.graphql.maxFields }),
      ...(config.graphql.introspection ? [] : [introspectionDisabledRule()]),
    ],
    plugins: [operationInRequestLog, localLandingPage],
    formatError: (formatted, error) =>
      mapGraphQLError(formatted, error, {
        requestId: RequestContext.requestId(),
        logUnexpected: (cause) =>
          logger.entry('error', 'unexpected error in a GraphQL request', {
            operation: RequestContext.current()?.operation,
            error: cause,
          }),
      }),
  };
}
