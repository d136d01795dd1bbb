export {
  PRESET_PATTERN_DEFINITIONS,
  PatternService,
  patternInput,
  type PatternDefinition,
  type PatternServiceDeps,
} from './pattern.service';
