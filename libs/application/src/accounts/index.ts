export {
  type AccountChangeAnnouncer,
  type PasswordHashing,
  type AccountAdministrationDeps,
  type AccountExportDeps,
} from './ports';
export {
  AccountAdministration,
  type Announcement,
  type EmailInUseRefusal,
  type NewAccount,
} from './account-administration';
export {
  ACCOUNT_EXPORT_VERSION,
  exportAccount,
  type AccountExport,
  type ExportedCallbackSettings,
  type ExportedHotline,
} from './account-export';
