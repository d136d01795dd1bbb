export { type PatternServiceDeps } from './ports';
export { PRESET_PATTERN_DEFINITIONS, PatternService, patternInput, type PatternDefinition } from './pattern.service';
