import { AuditLog, Clock, IdGenerator, PatternRepository } from '@dutyline/domain';

// The pattern use cases run over the domain's ports; their failure contracts are the domain's.

export interface PatternServiceDeps {
  readonly patterns: PatternRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
