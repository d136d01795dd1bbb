import {
  Id,
  OFFICE_HOURS,
  OnCallPattern,
  OnCallPatternInput,
  Page,
  PageRequest,
  PatternWindowInput,
  Result,
  StoredPattern,
  WEEKEND,
  WEEKNIGHTS,
  assertId,
  err,
  ok,
  onCallPattern,
} from '@dutyline/domain';
import { AuditRecorder, Caller, NotFoundRefusal, notFound } from '../shared';
import { PatternServiceDeps } from './ports';

/** A pattern as clients see it: an account's own, or one of the built-in presets every account has. */
export interface PatternDefinition extends OnCallPattern {
  readonly id: Id;
  readonly builtIn: boolean;
}

/** The built-in presets, with fixed ids no generated id can take (generated ids never start with `preset-`). */
export const PRESET_PATTERN_DEFINITIONS: readonly PatternDefinition[] = [
  { id: 'preset-office-hours', builtIn: true, ...OFFICE_HOURS },
  { id: 'preset-weeknights', builtIn: true, ...WEEKNIGHTS },
  { id: 'preset-weekend', builtIn: true, ...WEEKEND },
];

const definition = (p: StoredPattern): PatternDefinition => ({
  id: p.id,
  builtIn: false,
  name: p.name,
  windows: p.windows,
});

/** A pattern back in the form `onCallPattern()` validates (also how stores keep windows as JSON). */
export function patternInput(pattern: OnCallPattern): OnCallPatternInput {
  return {
    name: pattern.name,
    windows: pattern.windows.map((w): PatternWindowInput => ({
      days: w.days.names,
      start: w.start.toString(),
      end: w.end.toString(),
      endDayOffset: w.endDayOffset,
    })),
  };
}

/**
 * Predefined on-call periods per account (F5): create, rename or redraw, delete, list. Applying one
 * over a date range is `ScheduleService.applyPattern`. Presets cannot be changed or deleted.
 */
export class PatternService {
  private readonly audit: AuditRecorder;

  constructor(private readonly deps: PatternServiceDeps) {
    this.audit = new AuditRecorder(deps);
  }

  presets(): readonly PatternDefinition[] {
    return PRESET_PATTERN_DEFINITIONS;
  }

  /** A preset or one of the account's patterns. */
  async pattern(caller: Caller, id: Id): Promise<PatternDefinition | undefined> {
    const preset = PRESET_PATTERN_DEFINITIONS.find((p) => p.id === id);
    if (preset) return preset;
    const stored = await this.deps.patterns.pattern(caller.accountId, assertId(id, 'id'));
    return stored && definition(stored);
  }

  /** The account's own patterns (presets apart, see `presets`). */
  async patterns(caller: Caller, page?: PageRequest): Promise<Page<PatternDefinition>> {
    const found = await this.deps.patterns.listPatterns(caller.accountId, page);
    return { items: found.items.map(definition), nextCursor: found.nextCursor };
  }

  /** Errors name their path: `windows[1].endDayOffset`. */
  async createPattern(caller: Caller, input: OnCallPatternInput): Promise<PatternDefinition> {
    const stored: StoredPattern = { ...onCallPattern(input), id: this.deps.ids.next(), accountId: caller.accountId };
    await this.deps.patterns.savePattern(stored);
    await this.audit.record(caller, {
      action: 'pattern.created',
      entityType: 'pattern',
      entityId: stored.id,
      before: null,
      after: patternInput(stored),
    });
    return definition(stored);
  }

  /** Replaces name and windows; slots already created from the pattern stay as they are. */
  async updatePattern(
    caller: Caller,
    id: Id,
    input: OnCallPatternInput,
  ): Promise<Result<PatternDefinition, NotFoundRefusal>> {
    const current = await this.deps.patterns.pattern(caller.accountId, assertId(id, 'id'));
    if (!current) return err(notFound('pattern', id, 'id'));
    const stored: StoredPattern = { ...onCallPattern(input), id, accountId: caller.accountId };
    await this.deps.patterns.savePattern(stored);
    await this.audit.record(caller, {
      action: 'pattern.updated',
      entityType: 'pattern',
      entityId: id,
      before: patternInput(current),
      after: patternInput(stored),
    });
    return ok(definition(stored));
  }

  async deletePattern(caller: Caller, id: Id): Promise<Result<PatternDefinition, NotFoundRefusal>> {
    const current = await this.deps.patterns.pattern(caller.accountId, assertId(id, 'id'));
    if (!current) return err(notFound('pattern', id, 'id'));
    const deleted = await this.deps.patterns.deletePattern(caller.accountId, id);
    if (!deleted.ok) return err(notFound('pattern', id, 'id'));
    await this.audit.record(caller, {
      action: 'pattern.deleted',
      entityType: 'pattern',
      entityId: id,
      before: patternInput(current),
      after: null,
    });
    return ok(definition(current));
  }
}
