export { type HotlineServiceDeps } from './ports';
export { HotlineService, type HotlineChanges, type NewHotline } from './hotline.service';
