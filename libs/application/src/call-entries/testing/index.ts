export { InMemoryCallEntryRepository } from './in-memory-call-entry-repository';
