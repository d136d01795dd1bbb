import type { Type } from '@nestjs/common';

/**
 * The product's GraphQL features, one Nest module each (`src/<feature>/<feature>.module.ts`):
 * people, teams, hotlines, schedule, coverage… Add a module here and the AppModule imports it.
 * Everything a feature needs from the platform is global: repository tokens (database/repository.tokens),
 * CLOCK / ID_GENERATOR / LOGGER / GATEWAY_CONFIG (platform/platform.tokens), AuditTrail, Paginator.
 */
export const FEATURE_MODULES: Type[] = [];
