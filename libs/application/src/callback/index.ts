export * from './callback-settings.service';
