import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { type AuditEntry, type AuditFilter, type AuditLog, invalid } from '@dutyline/domain';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AUDIT_LOG } from '../database/repository.tokens';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { AuditLogFilterInput } from './dto/audit-log-filter.input';
import { AuditEntryConnection, AuditEntryModel } from './models/audit-entry.model';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    private readonly paginator: Paginator,
  ) {}

  @Query(() => AuditEntryConnection, {
    description: 'Changes to the schedule and the directory, newest first (admins and supervisors).',
  })
  @Roles('admin', 'supervisor')
  auditLog(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput | null,
  ): Promise<Connection<AuditEntry>> {
    const criteria = withoutNulls(filter ?? {}) as AuditFilter;
    if (criteria.from !== undefined && criteria.to !== undefined && criteria.to <= criteria.from) {
      invalid('INVALID_RANGE', 'filter.to', 'to must come after from');
    }
    return this.paginator.paginate(page, (request) => this.log.list(actor.accountId, criteria, request));
  }
}

/** GraphQL sends explicit nulls for omitted optional fields; the repositories expect them absent. */
const withoutNulls = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
