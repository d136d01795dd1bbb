export {
  CallEntryService,
  type CallEntryServiceDeps,
  type CallEntryView,
  type CallEntryChanges,
  type ExtraNumberTakenRefusal,
} from './call-entry.service';
