export {
  contactColumns,
  groupHeader,
  LIST_JOINER,
  type ColumnLayout,
  type PeopleLabels,
} from './contact-columns';
export {
  exportContacts,
  labelsOf,
  readPeopleLabels,
  writeContactsFile,
  type ExportResult,
} from './export-contacts';
export { writeImportTemplate } from './template';
export { staffLabels, templateStaff } from './template-staff';
