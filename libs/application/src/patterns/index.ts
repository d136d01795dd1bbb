export * from './pattern.service';
