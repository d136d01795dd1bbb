import { Module } from '@nestjs/common';
import { DirectoryLoaders } from './directory.loaders';
import { MePersonResolver } from './me-person.resolver';
import { PeopleResolver } from './people.resolver';
import { TeamsResolver } from './teams.resolver';

/** People, their numbers and teams (F1, F2), `Me.person`; `DirectoryLoaders` for every feature naming people or teams. */
@Module({ providers: [DirectoryLoaders, PeopleResolver, TeamsResolver, MePersonResolver], exports: [DirectoryLoaders] })
export class DirectoryModule {}
