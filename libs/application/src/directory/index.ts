export { type DirectoryServiceDeps } from './ports';
export {
  DirectoryService,
  type NewContactNumber,
  type NewPerson,
  type NewTeam,
  type PersonChanges,
  type TeamChanges,
} from './directory.service';
