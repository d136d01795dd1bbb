import { Id } from '@dutyline/domain';

/**
 * Whether an account's hotlines are in service: an operator disables an account, and its callers hear
 * that the line is not in service instead of being routed. Asked on every answered call, so
 * implementations cache (and drop the entry when the account changes).
 * Failure contract: a rejection means it cannot tell now; the call is routed as if in service.
 */
export interface LineStatus {
  outOfService(accountId: Id): Promise<boolean>;
}
