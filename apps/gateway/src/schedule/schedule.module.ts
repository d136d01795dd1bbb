import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { AssigneesResolver, CallStepsResolver } from './assignees.resolver';
import { OverridesResolver } from './overrides.resolver';
import { RoutingResolver } from './routing.resolver';
import { ScheduleResolver } from './schedule.resolver';

/** Slots, patterns applied, copies, overrides, and routing as the schedule stands (F4–F12). */
@Module({
  imports: [DirectoryModule],
  providers: [ScheduleResolver, OverridesResolver, RoutingResolver, AssigneesResolver, CallStepsResolver],
})
export class ScheduleModule {}
