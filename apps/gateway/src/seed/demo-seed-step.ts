import { DiscoveryService } from '@nestjs/core';
import type { Id } from '@dutyline/domain';
import type { Actor } from '../auth/actor';

/** What a seeding step works with: the demo account and its admin (use it as the actor for audit). */
export interface DemoSeedContext {
  readonly accountId: Id;
  readonly admin: Actor;
}

/**
 * One step of the demo seed (people, teams, a hotline, a week of schedule…). Steps run in `order`,
 * once, right after the demo account, its admin and its API key were created in an empty database.
 * A step is a provider of any module, marked `@DemoSeed({ order: 10 })`:
 *
 * ```ts
 * @DemoSeed({ order: 10 })
 * @Injectable()
 * export class DemoPeopleStep implements DemoSeedStep {
 *   constructor(@Inject(PERSON_REPOSITORY) private readonly people: PersonRepository) {}
 *   async seed({ accountId }: DemoSeedContext) { … }
 * }
 * ```
 */
export interface DemoSeedStep {
  seed(context: DemoSeedContext): Promise<void>;
}

/** Marks a provider as a demo seed step; lower `order` runs first. */
export const DemoSeed = DiscoveryService.createDecorator<{ readonly order: number }>();
