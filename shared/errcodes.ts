// The errcode catalogue: what each DingTalk errcode means, how to fix it, and how the engine treats it.
// Codes come from the seed API pages and ../shared/dingtalk-api.md; the string codes are dtload's own
// names for failures that carry no errcode (transport, HTML ban pages).
import type { RetryClass } from './domain';
import type { Lang, Localised } from './i18n/lang';

export interface ErrcodeEntry {
  code: number | string;
  retryClass: RetryClass;
  meaning: Localised;
  solution: Localised;
}

type Row = [
  code: number | string,
  cls: RetryClass,
  meaningEn: string,
  meaningZh: string,
  fixEn: string,
  fixZh: string,
];

const ROWS: Row[] = [
  // Seed pages (update, get, list, delete, listlabelgroups).
  [
    33009,
    'token',
    'Invalid tokenGrantType',
    'access_token 无效',
    'Check whether the access_token is correct.',
    '请检查 access_token 是否正确。',
  ],
  [
    33012,
    'row-permanent',
    'Invalid userId',
    '无效的 userId',
    'Check whether the userId is correct.',
    '请检查外部联系人 userId 是否正确。',
  ],
  [
    40003,
    'row-permanent',
    'Invalid userId',
    '无效的 userId',
    'Check whether the userId is correct.',
    '请检查外部联系人 userId 是否正确。',
  ],
  [
    40036,
    'row-permanent',
    'Empty parameter',
    '参数为空',
    'Check whether all required parameters are filled in.',
    '请检查必填参数是否都已填写。',
  ],
  [
    60112,
    'row-permanent',
    'Invalid user name',
    '用户名称不合法',
    'Check whether the user name is correct.',
    '请检查姓名是否正确。',
  ],
  [
    60121,
    'row-permanent',
    'The corresponding user is not found',
    '找不到该用户',
    'Check whether the user information is correct.',
    '请检查联系人信息是否正确。',
  ],
  [
    60204,
    'row-permanent',
    'A label is required for the external contact',
    '外部联系人必须有标签',
    'Fill in the label_ids for the external contact.',
    '请为外部联系人填写至少一个标签。',
  ],
  [
    43007,
    'job-fatal',
    'Permission required',
    '需要授权',
    'Check whether the access_token has the permission to perform this operation.',
    '请检查应用是否已开通外部联系人读写权限。',
  ],
  // The staff directory (dingtalk-api.md, "Staff directory").
  [
    60003,
    'row-permanent',
    'The department is not found',
    '部门不存在',
    'Check the shared departments: name each by its name, its path (Sales/Support) or its id.',
    '请检查共享给部门：可写部门名称、路径（如 销售部/客服）或部门 ID。',
  ],
  [
    60011,
    'job-fatal',
    'The app has no permission for this part of the staff directory',
    '应用没有该通讯录范围的权限',
    'Grant the app 通讯录只读权限 (contacts read permission) for the whole organisation in the developer console.',
    '请在开发者后台为应用开通通讯录只读权限，并把通讯录权限范围设为全部员工。',
  ],
  [
    60103,
    'row-permanent',
    'Invalid mobile number',
    '手机号码不合法',
    'Check whether the mobile number is correct.',
    '请检查手机号是否正确。',
  ],
  [
    60200,
    'row-permanent',
    'The external contact already exists',
    '外部联系人已存在',
    'Check whether the external contact information is correct.',
    '请检查外部联系人信息是否正确（该手机号已存在）。',
  ],
  [
    60203,
    'job-fatal',
    'The number of external contacts exceeds the limit',
    '外部联系人数量超过上限',
    'Remove some external contacts.',
    '请删除部分外部联系人。',
  ],
  [-1, 'transient', 'System busy', '系统繁忙', 'Try again later.', '请稍后重试。'],
  [400001, 'transient', 'System error', '系统错误', 'Try again later.', '请稍后重试。'],
  [
    40035,
    'row-permanent',
    'Invalid parameter (more than 20 ids in a list, a non-numeric id or an unknown label id)',
    '参数不合法（列表超过 20 个、ID 不是数字或标签 ID 不存在）',
    'Keep at most 20 ids per list and use label names from `dtload labels`.',
    '每个列表最多 20 个 ID，标签名称请以 `dtload labels` 列出的为准。',
  ],
  [40069, 'row-permanent', 'Invalid size', '分页大小不合法', 'Adjust the page size.', '请调整分页大小。'],
  [
    41101,
    'row-permanent',
    'Invalid size',
    '分页大小不合法',
    'Check whether the page size is valid.',
    '请检查分页大小是否合法。',
  ],
  [40068, 'row-permanent', 'Invalid offset', '分页偏移不合法', 'Adjust the offset.', '请调整分页偏移。'],
  [
    400043,
    'job-fatal',
    'Invalid orgId',
    '无效的组织 ID',
    'Check whether the access_token is correct.',
    '请检查 access_token 是否正确。',
  ],
  // Tokens (dingtalk-api.md): drop the cached token, fetch a new one once, retry once.
  [
    40001,
    'token',
    'Invalid credential or access_token',
    '不合法的凭证或 access_token',
    'The access_token was refused; dtload fetches a new one. If it persists, check the app key and secret.',
    'access_token 被拒绝，dtload 会重新获取；如持续出现，请检查 AppKey 和 AppSecret。',
  ],
  [
    40014,
    'token',
    'Invalid access_token',
    '不合法的 access_token',
    'The access_token was refused; dtload fetches a new one. If it persists, check the app key and secret.',
    'access_token 被拒绝，dtload 会重新获取；如持续出现，请检查 AppKey 和 AppSecret。',
  ],
  [
    42001,
    'token',
    'access_token expired',
    'access_token 已过期',
    'dtload renews the token automatically; no action needed unless it persists.',
    'dtload 会自动续期，如持续出现请检查系统时间与网络。',
  ],
  [
    33001,
    'token',
    'Invalid corpid or access_token',
    '无效的企业凭证',
    'Check the app key and secret, and that the app belongs to this organisation.',
    '请检查 AppKey、AppSecret 以及应用是否属于该组织。',
  ],
  [
    40089,
    'job-fatal',
    'Invalid app key or app secret',
    '不合法的 AppKey 或 AppSecret',
    'Check the app key and app secret in the developer console.',
    '请在开发者后台核对 AppKey 和 AppSecret。',
  ],
  // Rate limits (dingtalk-api.md).
  [
    90018,
    'transient',
    'Too many calls per second for this app and endpoint (about 40/s)',
    '该应用调用此接口的每秒次数超限（约 40 次/秒）',
    'dtload slows down and retries. Lower --max-qps if it persists.',
    'dtload 会自动降速重试；如持续出现，请调低 --max-qps。',
  ],
  [
    90006,
    'transient',
    'Too many calls per minute for this app and endpoint (about 1500/min)',
    '该应用调用此接口的每分钟次数超限（约 1500 次/分钟）',
    'dtload slows down and retries; keep below 25 calls/s sustained.',
    'dtload 会自动降速重试；持续速率请保持在 25 次/秒以下。',
  ],
  [
    90005,
    'transient',
    'Too many calls per minute for this organisation and endpoint (all apps)',
    '该组织调用此接口的每分钟次数超限（所有应用合计）',
    'Another app shares the budget. dtload slows down and retries.',
    '其他应用也在调用该接口，dtload 会自动降速重试。',
  ],
  [
    90019,
    'transient',
    'Third-party app over its per-second limit for this organisation',
    '第三方应用每秒调用次数超限',
    'dtload slows down and retries.',
    'dtload 会自动降速重试。',
  ],
  [
    90002,
    'transient',
    'Global limit for this endpoint reached; briefly blocked',
    '接口全局限流，短时被禁止调用',
    'dtload backs off for a few seconds and retries.',
    'dtload 会等待几秒后重试。',
  ],
  [
    88,
    'transient',
    'Calls too fast (short block) or a generic error with sub_code',
    '调用过快被短时拦截，或带 sub_code 的通用错误',
    'dtload retries once after a pause; if it persists, see the sub_code.',
    'dtload 会暂停后重试一次；如仍失败，请查看 sub_code。',
  ],
  [
    90020,
    'job-fatal',
    "The organisation's monthly API quota is used up",
    '组织本月接口调用额度已用完',
    'Nothing will pass until next month, or raise the quota in the developer console.',
    '下月额度恢复前无法继续调用，或在开发者后台提升额度。',
  ],
  // Failures without an errcode.
  [
    'ip-ban',
    'transient',
    'Per-IP limit reached (about 10,000 calls in 20 s); DingTalk blocks this IP for a while',
    '触发单 IP 限流（约 20 秒 1 万次），该 IP 被暂时封禁',
    'dtload pauses the whole job for the wait DingTalk names, then resumes.',
    'dtload 会按提示时长暂停整个任务，然后继续。',
  ],
  [
    'timeout',
    'transient',
    'No answer before the timeout',
    '请求超时',
    'dtload retries; check the network if it persists.',
    'dtload 会自动重试；如持续出现，请检查网络。',
  ],
  [
    'network',
    'transient',
    'Network error (connection refused, reset or dropped)',
    '网络错误（连接被拒绝、重置或中断）',
    'dtload retries; check the network and the base URL if it persists.',
    'dtload 会自动重试；如持续出现，请检查网络与接口地址。',
  ],
  [
    'http',
    'transient',
    'HTTP error from the server or a proxy',
    '服务器或代理返回 HTTP 错误',
    'dtload retries; check the base URL and any proxy if it persists.',
    'dtload 会自动重试；如持续出现，请检查接口地址与代理设置。',
  ],
  [
    'non-json',
    'transient',
    'The answer was not JSON (an HTML error or ban page)',
    '返回内容不是 JSON（HTML 错误页或封禁页）',
    'dtload retries; check the base URL if it persists.',
    'dtload 会自动重试；如持续出现，请检查接口地址。',
  ],
  [
    'not-found',
    'job-fatal',
    'No DingTalk API at this address (HTTP 404)',
    '该地址没有钉钉接口（HTTP 404）',
    'Check the base URL: https://oapi.dingtalk.com (mainland) or https://oapi.dingtalk.io (international).',
    '请检查接口地址：中国大陆为 https://oapi.dingtalk.com，国际版为 https://oapi.dingtalk.io。',
  ],
  [
    'credentials',
    'job-fatal',
    'The app key or app secret was refused',
    'AppKey 或 AppSecret 被拒绝',
    'Check the app key and app secret in the developer console.',
    '请在开发者后台核对 AppKey 和 AppSecret。',
  ],
  [
    'token-refused',
    'job-fatal',
    'A fresh access_token was refused as well',
    '重新获取的 access_token 仍被拒绝',
    'Check that the app is an internal app of this organisation with external-contact permissions.',
    '请确认应用为该组织的企业内部应用，且已开通外部联系人权限。',
  ],
  [
    'conflict',
    'row-permanent',
    'The contact changed in DingTalk after the plan was made, in a field this row changes too; it was not overwritten',
    '制定计划后该联系人在钉钉中被修改，且修改的字段与本行要改的相同；未覆盖',
    'Export the contact again, decide which value is right, and import the row again.',
    '请重新导出该联系人，确定正确的值后重新导入该行。',
  ],
  [
    'gone',
    'row-permanent',
    'The contact was deleted in DingTalk after the plan was made; nothing was sent',
    '制定计划后该联系人已在钉钉中被删除；未发送任何内容',
    'Check whether the contact should exist; to add it again, import the row with --create.',
    '请确认该联系人是否应当存在；如需重新添加，请使用 --create 导入该行。',
  ],
  [
    'dependency-failed',
    'row-permanent',
    'Not sent: the row it depends on did not succeed (a merge deletes the duplicates only after the kept contact took their labels and sharing)',
    '未发送：它所依赖的行未成功（合并时，只有保留的联系人已接收标签和共享后才删除其他重复联系人）',
    'Fix the failed row (see its error), then merge these duplicates again.',
    '请先处理失败的行（见其错误），再重新合并这些重复联系人。',
  ],
  [
    'error',
    'row-permanent',
    'An unexpected error in dtload while sending this row',
    'dtload 发送该行时出现意外错误',
    'Retry the row; if it fails again, report the message to the dtload developers.',
    '请重试该行；如再次失败，请将错误信息反馈给 dtload 开发者。',
  ],
];

export const ERRCODES: ReadonlyMap<string, ErrcodeEntry> = new Map(
  ROWS.map(([code, retryClass, me, mz, se, sz]) => [
    String(code),
    { code, retryClass, meaning: { en: me, 'zh-CN': mz }, solution: { en: se, 'zh-CN': sz } },
  ]),
);

/** Unknown errcodes fail the row and the job goes on (dingtalk-api.md: every other errcode). */
export function lookupErrcode(code: number | string): ErrcodeEntry {
  return (
    ERRCODES.get(String(code)) ?? {
      code,
      retryClass: 'row-permanent',
      meaning: { en: `DingTalk error ${code}`, 'zh-CN': `钉钉错误 ${code}` },
      solution: {
        en: "Look the code up in DingTalk's global error codes; fix the row and import it again.",
        'zh-CN': '请在钉钉全局错误码中查询该错误码，修正该行后重新导入。',
      },
    }
  );
}

export function retryClassOf(code: number | string): RetryClass {
  return lookupErrcode(code).retryClass;
}

/** One line for a report or the UI: meaning, then the fix. */
export function hintFor(code: number | string, lang: Lang = 'en'): string {
  const e = lookupErrcode(code);
  // Chinese ends the meaning with a full stop of its own (。), not ". ".
  return `${e.meaning[lang]}${lang === 'en' ? '. ' : '。'}${e.solution[lang]}`;
}
