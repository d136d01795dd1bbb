/** The schedule tools the board's page places: toolbar, side area, and the phone header's "Take the line". */
export { MobileTakeLine, ScheduleSideTools, ScheduleToolbarTools } from './ScheduleTools';
export type { ScheduleToolProps } from './types';
