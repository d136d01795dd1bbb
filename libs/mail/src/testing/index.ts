export * from './smtp-sink';
export * from './parse-mime';
