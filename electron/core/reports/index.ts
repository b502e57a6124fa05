export {
  buildJsonReport,
  reportRow,
  reportRows,
  decidedMessage,
  failureText,
  INVALID_HINT,
  type JsonReport,
  type ReportRow,
  type ReportMode,
} from './report-rows';
export {
  writeReport,
  writeFailedRows,
  reportFormat,
  type ReportArgs,
  type ReportFormat,
} from './write-report';
export { REPORT_COLUMNS, ERROR_COLUMN } from '../import/mapping';
export { describePlan, describeChange } from './plan-text';
