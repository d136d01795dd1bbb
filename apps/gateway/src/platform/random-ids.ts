import { randomUUID } from 'node:crypto';
import { IdGenerator } from '@dutyline/domain';

/** Random UUIDs (v4): unique across instances without coordination. */
export const randomIds: IdGenerator = { next: () => randomUUID() };
