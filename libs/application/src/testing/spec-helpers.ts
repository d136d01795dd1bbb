import { Result } from '@dutyline/domain';

/** The value of an expected success; a refusal fails the test with its content. */
export function valueOf<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The refusal of an expected failure. */
export function refusalOf<T, E>(result: Result<T, E>): E {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result.error;
}
