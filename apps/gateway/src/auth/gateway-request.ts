import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from './actor';

/** The HTTP request as the gateway sees it (Express underneath), with the caller once authenticated. */
export interface GatewayRequest extends IncomingMessage {
  /** The client address (Express `req.ip`, proxies honoured per TRUST_PROXY). */
  readonly ip?: string;
  actor?: Actor;
}

/** What every GraphQL resolver gets as context. */
export interface GraphQLContext {
  readonly req: GatewayRequest;
  readonly res: ServerResponse;
}

/** The client's address, proxies honoured per TRUST_PROXY. */
export const clientAddressOf = (request: GatewayRequest): string =>
  request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/** The HTTP request behind a REST handler or a GraphQL resolver. */
export function requestOf(context: ExecutionContext): GatewayRequest {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  return context.switchToHttp().getRequest<GatewayRequest>();
}
