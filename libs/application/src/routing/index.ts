export { type ChangeLog, type LoggedChange, type RoutingQueriesDeps } from './ports';
export { RoutingQueries, type OnCallNow } from './routing.queries';
export { readLevelRotation, type LevelRotationRead } from './level-rotation';
