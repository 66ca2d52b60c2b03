export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTable,
} from './backup.format.js';
export { type BackupSummary, createBackup, restoreBackup } from './backup.service.js';
