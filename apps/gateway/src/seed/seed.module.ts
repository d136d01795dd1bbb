import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { DemoSeeder } from './demo-seeder.service';

/** The demo seed: `DemoSeeder` plus every `@DemoSeed` step provided by any module. */
@Module({
  imports: [DiscoveryModule, AuthModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}
