// Argument checks for every contract method. A payload that does not match is rejected with a message
// naming the offending path, before any work starts. Hand-written combinators: no schema library needed.
import type { MethodName } from '../../../shared/contract';
import { badRequest } from './app-error';

/** Returns an error message, or undefined when the value fits. */
type Check = (v: unknown, path: string) => string | undefined;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str =
  (opts: { min?: number; max?: number } = {}): Check =>
  (v, p) => {
    if (typeof v !== 'string') return `${p} must be a string`;
    if (opts.min !== undefined && v.length < opts.min)
      return opts.min === 1 ? `${p} must not be empty` : `${p} is too short`;
    if (v.length > (opts.max ?? 4096)) return `${p} is too long`;
    return undefined;
  };

const int =
  (min: number, max: number): Check =>
  (v, p) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `${p} must be a whole number from ${min} to ${max}`;

const num =
  (min: number, max: number): Check =>
  (v, p) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? undefined
      : `${p} must be a number from ${min} to ${max}`;

const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be true or false`);

const oneOf =
  (...values: readonly string[]): Check =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${p} must be one of ${values.join(', ')}`;

const bytes =
  (max: number): Check =>
  (v, p) => {
    if (!(v instanceof Uint8Array)) return `${p} must be bytes (Uint8Array)`;
    return v.byteLength > max ? `${p} is larger than ${Math.round(max / 1024 / 1024)} MB` : undefined;
  };

/** Mapping file content: header → field | 'labels' | 'ignore' | { group }. Deeper checks in core/import. */
const mappingShape: Check = (v, p) => {
  if (!isObj(v)) return `${p} must be an object of header → target`;
  const entries = Object.entries(v);
  if (entries.length > 1000) return `${p} has too many columns`;
  for (const [k, t] of entries) {
    if (typeof t === 'string') continue;
    if (isObj(t) && typeof t.group === 'string' && Object.keys(t).length === 1) continue;
    return `${p}["${k}"] must be a field name, "labels", "ignore" or { group: string }`;
  }
  return undefined;
};

interface Shape {
  [key: string]: Check | { optional: Check };
}
const opt = (c: Check): { optional: Check } => ({ optional: c });

/** An object with exactly these keys (unknown keys are refused, so typos surface). */
const obj =
  (shape: Shape): Check =>
  (v, p) => {
    if (!isObj(v)) return `${p} must be an object`;
    for (const k of Object.keys(v)) if (!(k in shape)) return `${p}.${k} is not an accepted field`;
    for (const [k, c] of Object.entries(shape)) {
      const val = v[k];
      if (typeof c === 'function') {
        const e = c(val, `${p}.${k}`);
        if (e) return e;
      } else if (val !== undefined) {
        const e = c.optional(val, `${p}.${k}`);
        if (e) return e;
      }
    }
    return undefined;
  };

/** The argument may be left out (or be undefined/null). */
const optionalArg =
  (c: Check): Check =>
  (v, p) =>
    v === undefined || v === null ? undefined : c(v, p);

const none: Check = (v, p) => (v === undefined || v === null ? undefined : `${p} must be left out`);

const id = str({ min: 1, max: 200 });
const sheetSel: Shape = {
  fileId: id,
  sheet: opt(str({ max: 300 })),
  headerRow: opt(int(1, 10_000)),
  encoding: opt(str({ min: 1, max: 40 })),
};
const page: Shape = { offset: int(0, 10_000_000), limit: int(1, 500) };
const connectFields: Shape = {
  region: oneOf('mainland', 'international', 'custom'),
  baseUrl: opt(str({ max: 500 })),
  appKey: str({ min: 1, max: 200 }),
  appSecret: str({ min: 1, max: 500 }),
};

const list =
  (item: Check, max: number): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be a list`;
    if (v.length > max) return `${p} has more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return undefined;
  };

const record =
  (value: Check): Check =>
  (v, p) => {
    if (!isObj(v)) return `${p} must be an object`;
    for (const [k, x] of Object.entries(v)) {
      const e = value(x, `${p}.${k}`);
      if (e) return e;
    }
    return undefined;
  };

/** The matches of a query, or picked userids (at most a whole organisation). */
const selection: Check = (v, p) => {
  if (isObj(v) && 'query' in v) return obj({ query: str({ max: 2000 }) })(v, p);
  if (isObj(v) && 'userIds' in v) return obj({ userIds: list(id, 200_000) })(v, p);
  return `${p} must be { query } or { userIds }`;
};

const names = opt(list(str({ min: 1, max: 300 }), 100));
const editAction = obj({
  addLabels: names,
  removeLabels: names,
  setOwner: opt(str({ min: 1, max: 300 })),
  shareWithUsers: names,
  shareWithDepts: names,
  unshareUsers: names,
  unshareDepts: names,
  set: opt(
    obj({
      title: opt(str({ max: 500 })),
      company_name: opt(str({ max: 500 })),
      address: opt(str({ max: 1000 })),
      remark: opt(str({ max: 2000 })),
    }),
  ),
  delete: opt(bool),
});

/** Largest upload accepted (a 100k-row sheet is well under this). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const ARG_CHECKS: { readonly [K in MethodName]: Check } = {
  getCapabilities: none,
  connect: obj({ ...connectFields, remember: bool }),
  connectSandbox: none,
  testConnection: optionalArg(obj(connectFields)),
  getConnection: none,
  disconnect: optionalArg(obj({ forget: opt(bool) })),
  getOrgSummary: optionalArg(obj({ refresh: opt(bool) })),
  exportContacts: obj({ format: oneOf('xlsx', 'csv') }),
  downloadTemplate: none,
  openFileDialog: obj({ purpose: oneOf('sheet', 'mapping') }),
  uploadFile: obj({ name: str({ min: 1, max: 255 }), data: bytes(MAX_UPLOAD_BYTES) }),
  saveFile: obj({ fileId: id, suggestedName: opt(str({ min: 1, max: 255 })) }),
  listRecentFiles: none,
  openRecentFile: obj({ path: str({ min: 1, max: 4096 }) }),
  clearRecentFiles: none,
  openSheet: obj(sheetSel),
  autoMap: obj({ ...sheetSel, mapping: opt(mappingShape) }),
  saveMapping: obj({ mapping: mappingShape, name: opt(str({ min: 1, max: 200 })) }),
  loadMapping: obj({ fileId: id }),
  planImport: obj({
    ...sheetSel,
    mapping: mappingShape,
    options: obj({
      match: oneOf('user_id', 'mobile'),
      labels: oneOf('replace', 'add', 'remove'),
      blank: oneOf('keep', 'clear'),
      create: bool,
      defaultStateCode: opt(str({ min: 1, max: 8 })),
    }),
  }),
  getPlanRows: obj({
    planId: id,
    filter: oneOf('all', 'changed', 'unchanged', 'invalid', 'create', 'update', 'delete', 'warnings'),
    ...page,
  }),
  applyPlan: obj({ planId: id }),
  planDelete: obj(sheetSel),
  applyDelete: obj({ planId: id, confirmCount: int(0, 10_000_000) }),
  listJobs: none,
  getJob: obj({ jobId: id }),
  pauseJob: obj({ jobId: id }),
  resumeJob: obj({ jobId: id }),
  cancelJob: obj({ jobId: id }),
  getReportRows: obj({ jobId: id, filter: oneOf('all', 'ok', 'failed', 'skipped', 'conflict'), ...page }),
  exportReport: obj({ jobId: id, format: oneOf('xlsx', 'csv', 'json') }),
  exportFailedRows: obj({ jobId: id, format: oneOf('xlsx', 'csv') }),
  retryFailedRows: obj({ jobId: id }),
  planUndo: obj({ jobId: id, force: opt(bool) }),
  applyUndo: obj({ planId: id, confirmCount: int(0, 10_000_000) }),
  getContactIndex: none,
  refreshContactIndex: none,
  queryContacts: obj({
    query: str({ max: 2000 }),
    sort: opt(obj({ key: oneOf('name', 'company', 'title', 'mobile', 'owner', 'remark'), descending: bool })),
    ...page,
  }),
  getContactDetail: obj({ userid: id }),
  getLabelOverview: none,
  planContactEdit: obj({ selection: selection, action: editAction }),
  exportSelection: obj({ selection: selection, format: oneOf('xlsx', 'csv') }),
  findDuplicates: none,
  planMergeDuplicates: obj({ groupIds: opt(list(int(1, 10_000_000), 100_000)), keep: opt(record(id)) }),
  searchStaff: obj({ text: str({ max: 200 }), includeLeft: opt(bool), limit: opt(int(1, 200)) }),
  planReassign: obj({ from: str({ min: 1, max: 200 }), to: str({ min: 1, max: 200 }), alsoShares: bool }),
  getDirectoryInfo: none,
  refreshDirectory: none,
  getSettings: none,
  // 'zh' is the older name of zh-CN; the settings store reads it as zh-CN.
  updateSettings: obj({
    language: opt(oneOf('en', 'zh-CN', 'zh')),
    maxQps: opt(num(1, 40)),
    autoUpdate: opt(bool),
  }),
};

/** Throws a bad-request AppError when `args` does not fit `method`'s argument. */
export function checkArgs(method: MethodName, args: unknown): void {
  const err = ARG_CHECKS[method](args, method);
  if (err) throw badRequest(`Invalid request: ${err}.`);
}
