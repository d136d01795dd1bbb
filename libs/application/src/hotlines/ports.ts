import { AuditLog, Clock, HotlineRepository, IdGenerator } from '@dutyline/domain';

// The hotline use cases run over the domain's ports; their failure contracts are the domain's.

export interface HotlineServiceDeps {
  readonly hotlines: HotlineRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
