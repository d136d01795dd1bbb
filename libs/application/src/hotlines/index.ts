export { HotlineService, type HotlineChanges, type HotlineServiceDeps, type NewHotline } from './hotline.service';
