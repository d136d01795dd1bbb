import { InitialSchema1795320498610 } from './1795320498610-initial-schema';

/** Every migration, oldest first. A new one goes at the end and never edits an earlier one. */
export const MIGRATIONS = [InitialSchema1795320498610];
