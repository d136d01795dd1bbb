import type { CallEntryService } from '@dutyline/application';
import { token } from '../platform/injection-token';

export const CALL_ENTRIES = token<CallEntryService>('CallEntryService');
