import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GatewayConfig } from '../config/gateway-config';
import { JsonLogger } from '../logging/json-logger';
import { RequestContext } from '../logging/request-context';
import { mapGraphQLError } from './graphql-error-mapping';
import { complexityLimitRule, depthLimitRule } from './query-limits';

export const GRAPHQL_PATH = '/graphql';

/** Names the operation in the request's log line (`query people`, `mutation login`). */
const operationInRequestLog: NonNullable<ApolloDriverConfig['plugins']>[number] = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, operationName }) {
        const scope = RequestContext.current();
        if (scope && operation) scope.operation = `${operation.operation} ${operationName ?? operation.name?.value ?? '(anonymous)'}`;
      },
    };
  },
};

/**
 * Apollo, code-first: schema built from the decorators (sorted), served at `/graphql`, depth and
 * complexity limits as validation rules, every error through `mapGraphQLError`, no stack traces.
 * The committed `schema.graphql` is written by `npm run schema` and checked by `schema.spec.ts`.
 */
export function graphqlOptions(config: GatewayConfig, logger: JsonLogger): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    validationRules: [
      depthLimitRule(config.graphql.maxDepth),
      complexityLimitRule({ maxComplexity: config.graphql.maxComplexity, maxPageSize: config.graphql.maxPageSize }),
    ],
    plugins: [operationInRequestLog],
    formatError: (formatted, error) =>
      mapGraphQLError(formatted, error, {
        requestId: RequestContext.requestId(),
        logUnexpected: (cause) => logger.entry('error', 'unexpected error in a GraphQL request', { operation: RequestContext.current()?.operation, error: cause }),
      }),
  };
}
