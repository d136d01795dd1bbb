import { AuditLog, Clock, IdGenerator, PersonRepository, TeamRepository } from '@dutyline/domain';

// The directory use cases run over the domain's ports; their failure contracts are the domain's.

export interface DirectoryServiceDeps {
  readonly people: PersonRepository;
  readonly teams: TeamRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
