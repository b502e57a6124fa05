export { contactColumns, LIST_JOINER, type ColumnLayout } from './contact-columns';
export {
  exportContacts,
  formatFromPath,
  listAllLabelGroups,
  writeContactsFile,
  type ExportFormat,
  type ExportResult,
} from './export-contacts';
export { writeImportTemplate } from './template';
