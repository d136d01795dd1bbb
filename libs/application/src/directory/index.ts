export {
  DirectoryService,
  type DirectoryServiceDeps,
  type NewContactNumber,
  type NewPerson,
  type NewTeam,
  type PersonChanges,
  type TeamChanges,
} from './directory.service';
