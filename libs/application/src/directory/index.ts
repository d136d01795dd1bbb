export * from './directory.service';
