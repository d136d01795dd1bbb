export { InMemoryPersonRepository, InMemoryTeamRepository, InMemoryHotlineRepository } from './directory-repositories';
export { InMemoryScheduleRepository } from './schedule-repository';
export { InMemoryAuditLog } from './audit-log';
export { InMemoryAccountRepository, InMemoryApiKeyRepository } from './account-repositories';
export { InMemoryPatternRepository } from './pattern-repository';
export { InMemoryCallbackSettingsRepository } from './callback-settings-repository';
