// The contacts workspace: the local contact index, the query language, bulk edits and duplicates.
export {
  ContactIndex,
  indexPath,
  indexDir,
  type RefreshProgress,
  type JobTouch,
  type SortKey,
} from './contact-index';
export {
  parseQuery,
  QueryError,
  wildcardRegExp,
  type QueryTerm,
  type QueryValue,
  type QueryLang,
} from './query-parse';
export { compileQuery, closestNames, type CompileContext, type Predicate } from './query-compile';
export { toIndexed, type IndexedContact } from './searchable';
export { idsOnly, resolverLabels, type PeopleResolver, type Resolution } from './people';
export { openIndex, indexJobWrites, closeIndexes } from './open-index';
export {
  planEdit,
  resolveEdit,
  intentFor,
  isEmptyRequest,
  EditInputError,
  EDIT_TEXT_FIELDS,
  type EditRequest,
  type EditAction,
  type EditTextField,
  type PlanEditArgs,
} from './edit-plan';
export { exportMatches } from './export-matches';
export {
  findDuplicates,
  planMerge,
  similarity,
  SIMILARITY,
  type DuplicateGroup,
  type DuplicateReason,
  type PlanMergeArgs,
} from './duplicates';
export { writeDuplicatesReport, DUPLICATE_COLUMNS } from './duplicates-report';
export { directoryPeople } from './directory-people';
export { selectReassign, reassignTexts, type ReassignRequest, type ReassignSelection } from './reassign';
export { searchStaff, contactCounts, type StaffSearch } from './staff-search';
