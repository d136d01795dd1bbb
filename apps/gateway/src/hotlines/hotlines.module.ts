import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { HotlinesResolver } from './hotlines.resolver';

/** Hotlines and their call handling settings (F3). */
@Module({ imports: [DirectoryModule], providers: [HotlinesResolver] })
export class HotlinesModule {}
