export { type ChangeLog, type LoggedChange } from './ports';
export { RoutingQueries, type OnCallNow, type RoutingQueriesDeps } from './routing.queries';
