import { Module } from '@nestjs/common';
import { PatternsResolver } from './patterns.resolver';

/** Predefined on-call periods (F5). */
@Module({ providers: [PatternsResolver] })
export class PatternsModule {}
