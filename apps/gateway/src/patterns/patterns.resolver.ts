import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Application } from '@dutyline/application';
import { APPLICATION } from '../application/application.module';
import { mapNodes, settled } from '../application/use-case-results';
import { type Actor, callerOf } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Connection, PageArgs } from '../graphql/pagination';
import { Paginator } from '../graphql/paginator.service';
import { inArgument } from '../graphql/refusals';
import { CreatePatternInput, UpdatePatternInput, windowsOf } from './dto/pattern.inputs';
import { PatternConnection, PatternModel } from './models/pattern.model';

/** Predefined on-call periods per account, and the built-in presets (F5). Apply one with `applyPattern`. */
@Resolver(() => PatternModel)
export class PatternsResolver {
  constructor(
    @Inject(APPLICATION) private readonly app: Application,
    private readonly paginator: Paginator,
  ) {}

  @Query(() => PatternConnection, { description: "The account's own patterns, by name." })
  async patterns(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<PatternModel>> {
    return mapNodes(
      await this.paginator.paginate(page, (request) => this.app.patterns.patterns(callerOf(actor), request)),
      PatternModel.of,
    );
  }

  @Query(() => [PatternModel], { description: 'Office hours, weeknights, weekend: every account has them.' })
  presetPatterns(): PatternModel[] {
    return this.app.patterns.presets().map(PatternModel.of);
  }

  @Query(() => PatternModel, {
    nullable: true,
    description: "A preset or one of the account's patterns; null when neither.",
  })
  async pattern(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PatternModel | null> {
    const found = await this.app.patterns.pattern(callerOf(actor), id);
    return found ? PatternModel.of(found) : null;
  }

  @Mutation(() => PatternModel, { description: 'Errors name their path: `input.windows[1].endDayOffset`.' })
  async createPattern(@CurrentActor() actor: Actor, @Args('input') input: CreatePatternInput): Promise<PatternModel> {
    return PatternModel.of(
      await inArgument('input', () =>
        this.app.patterns.createPattern(callerOf(actor), { name: input.name, windows: windowsOf(input) }),
      ),
    );
  }

  @Mutation(() => PatternModel)
  updatePattern(@CurrentActor() actor: Actor, @Args('input') input: UpdatePatternInput): Promise<PatternModel> {
    return settled('input', () =>
      this.app.patterns.updatePattern(callerOf(actor), input.id, { name: input.name, windows: windowsOf(input) }),
    ).then(PatternModel.of);
  }

  @Mutation(() => PatternModel, { description: 'The pattern deleted; slots created from it stay.' })
  deletePattern(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PatternModel> {
    return settled(null, () => this.app.patterns.deletePattern(callerOf(actor), id)).then(PatternModel.of);
  }
}
