export { contactColumns, groupHeader, LIST_JOINER, type ColumnLayout } from './contact-columns';
export { exportContacts, writeContactsFile, type ExportResult } from './export-contacts';
export { writeImportTemplate } from './template';
