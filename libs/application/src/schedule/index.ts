export * from './schedule.service';
