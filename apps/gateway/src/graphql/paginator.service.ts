import { Inject, Injectable } from '@nestjs/common';
import { Page, PageRequest } from '@dutyline/domain';
import type { GatewayConfig } from '../config/gateway-config';
import { GATEWAY_CONFIG } from '../platform/platform.tokens';
import { Connection, PageArgs, paginate } from './pagination';

/**
 * `paginate` with this deployment's largest page (GRAPHQL_MAX_PAGE_SIZE):
 * `return this.paginator.paginate(page, (request) => this.people.listPeople(actor.accountId, request));`
 */
@Injectable()
export class Paginator {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  paginate<T>(
    args: PageArgs,
    fetch: (request: PageRequest) => Promise<Page<T>>,
    fields?: { readonly first: string; readonly after: string },
  ): Promise<Connection<T>> {
    return paginate(args, fetch, { maxPageSize: this.config.graphql.maxPageSize, ...(fields ? { fields } : {}) });
  }
}
