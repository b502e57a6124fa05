// The job service (plan → save → run → report) and the one set of counting rules, for every door.
export { countJob, countsFrom, describeCounts, summaryOfOps, writeStatus } from './counts';
export { readJobPlan, saveJobPlan, SHEET_PLAN_FILE, type SavedPlan } from './saved-plan';
export {
  startPlannedJob,
  resumePlannedJob,
  listJobViews,
  jobView,
  jobReportArgs,
  outcomeCounts,
  kindOf,
  type JobView,
  type JobKind,
  type StartPlannedJob,
} from './service';
export { planUndo, UndoInputError, type PlanUndoArgs, type UndoPlan } from './undo-plan';
