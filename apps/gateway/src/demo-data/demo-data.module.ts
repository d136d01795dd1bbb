import { Module } from '@nestjs/common';
import { DemoDataStep } from './demo-data.step';

/** The embedded default's demo directory, hotline and week of schedule (a `@DemoSeed` step). */
@Module({ providers: [DemoDataStep] })
export class DemoDataModule {}
