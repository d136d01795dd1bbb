import { invalid } from '@dutyline/domain';

/** The key prefix as given, or the default; refuses what Redis keys and channels should not hold. */
export function keyPrefix(prefix: string | undefined): string {
  const value = prefix ?? 'dutyline';
  if (typeof value !== 'string' || !/^[A-Za-z0-9._:{}-]{1,100}$/.test(value)) {
    invalid('INVALID_PREFIX', 'prefix', 'a key prefix is 1 to 100 letters, digits or . _ : { } -');
  }
  return value;
}
