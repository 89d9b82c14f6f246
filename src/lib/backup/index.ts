export { readBackup, writeBackup, type BackupResult } from './project-backup';
