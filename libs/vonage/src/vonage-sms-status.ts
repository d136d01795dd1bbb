/**
 * The SMS API answers HTTP 200 with a per-message `status`: "0" is accepted, anything else failed.
 * Retrying helps for throttling (1), a platform error (5), an empty balance (9, "top up and retry") and too
 * many connections (10). Every other documented status is about the message, the number or the account and
 * will fail again as sent. An undocumented status is treated as retryable: the queue bounds the attempts,
 * while a wrong "permanent" would lose the message.
 */
const PERMANENT_SMS_STATUSES = new Set([
  '2',
  '3',
  '4',
  '6',
  '7',
  '8',
  '11',
  '12',
  '14',
  '15',
  '22',
  '23',
  '29',
  '32',
  '33',
]);

export function smsStatusIsRetryable(status: string): boolean {
  return status !== '0' && !PERMANENT_SMS_STATUSES.has(status);
}
