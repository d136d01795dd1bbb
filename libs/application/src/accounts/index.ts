export { type AccountChangeAnnouncer, type PasswordHashing } from './ports';
export {
  AccountAdministration,
  type AccountAdministrationDeps,
  type Announcement,
  type EmailInUseRefusal,
  type NewAccount,
} from './account-administration';
export {
  ACCOUNT_EXPORT_VERSION,
  exportAccount,
  type AccountExport,
  type AccountExportDeps,
  type ExportedCallbackSettings,
  type ExportedHotline,
} from './account-export';
