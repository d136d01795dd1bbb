import { Backend } from './backends';
import { World } from './world';

/** What each part of the contract gets: the backend under test and the current connection. */
export interface ContractContext {
  readonly backend: Backend;
  world(): World;
}
