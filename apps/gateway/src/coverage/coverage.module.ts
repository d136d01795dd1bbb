import { Module } from '@nestjs/common';
import { CoverageResolver } from './coverage.resolver';

/** Coverage and gaps (F16). */
@Module({ providers: [CoverageResolver] })
export class CoverageModule {}
