// Row and mapping messages of the import and delete plans: the diff, reports and the CLI say the same thing.
import type { Entries } from './entries';

export const plan = {
  'plan.userIdEmpty': { en: 'user_id is empty', 'zh-CN': '联系人ID为空' },
  'plan.keyRepeated': { en: '{what} {key} is also on row {row}', 'zh-CN': '{what} {key} 与第 {row} 行重复' },
  'plan.deleteNotFound': { en: 'no contact has user_id "{id}"', 'zh-CN': '没有联系人ID为 "{id}" 的联系人' },
  'plan.labelAmbiguous': {
    en: '"{name}" is in {count} groups: write {options}',
    'zh-CN': '"{name}" 同时属于 {count} 个标签组：请写成 {options}',
  },
  'plan.labelUnknown': { en: 'Unknown label "{name}"', 'zh-CN': '未知标签 "{name}"' },
  'plan.labelUnknownInGroup': {
    en: 'Unknown label "{name}" in group "{group}"',
    'zh-CN': '标签组 "{group}" 中没有标签 "{name}"',
  },
  'plan.labelDidYouMean': { en: ' (did you mean {names}?)', 'zh-CN': '（是否指 {names}？）' },
  'plan.columnDuplicate': {
    en: 'Column "{header}" is ignored: column "{first}" already holds {target}.',
    'zh-CN': '已忽略列 "{header}"：列 "{first}" 已对应 {target}。',
  },
  'plan.groupLabels': { en: 'labels of group "{group}"', 'zh-CN': '标签组 "{group}" 的标签' },
  'plan.mappingMissingColumn': {
    en: 'The mapping names a column "{header}" that the sheet does not have.',
    'zh-CN': '列对应文件中的列 "{header}" 在表格中不存在。',
  },
  'plan.userIdMismatch': {
    en: 'user_id "{sheet}" is not the contact this row matches ({id}, {name})',
    'zh-CN': '联系人ID "{sheet}" 与本行匹配到的联系人（{id}，{name}）不一致',
  },
  'plan.cannotClear': {
    en: '{field} cannot be cleared: DingTalk requires it',
    'zh-CN': '{field} 不能清空：钉钉要求必填',
  },
  'plan.readOnlyDiffers': {
    en: '{field} "{value}" differs from DingTalk\'s "{current}" but cannot be changed through update; it is left as it is',
    'zh-CN': '{field} "{value}" 与钉钉中的 "{current}" 不同，但更新接口不能修改该字段，将保持原值',
  },
  'plan.mobileRequiredForCreate': {
    en: 'mobile is required to create a contact',
    'zh-CN': '新建联系人需要手机号',
  },
  'plan.nameRequired': { en: 'name is required', 'zh-CN': '姓名为必填项' },
  'plan.ownerRequired': {
    en: 'follower_user_id (owner) is required',
    'zh-CN': '负责人为必填项',
  },
  'plan.labelRequired': {
    en: 'at least one label is required (DingTalk answers 60204 otherwise)',
    'zh-CN': '至少需要一个标签（否则钉钉返回 60204）',
  },
  'plan.tooManyIds': {
    en: '{field}: {count} ids, DingTalk takes at most {max}',
    'zh-CN': '{field}：{count} 个，钉钉最多接受 {max} 个',
  },
  'plan.mobileForeignCode': {
    en: 'mobile "{raw}" has a country code other than {code}: put it in state_code',
    'zh-CN': '手机号 "{raw}" 带有 {code} 以外的国家码：请填写在 state_code 列',
  },
  'plan.mobileInvalid': {
    en: 'mobile "{raw}" is not a phone number',
    'zh-CN': '手机号 "{raw}" 不是有效号码',
  },
  'plan.mobileCnInvalid': {
    en: 'mobile "{raw}" is not a mainland China mobile ({digits} digits; +86 numbers have 11, starting 13–19)',
    'zh-CN': '手机号 "{raw}" 不是中国大陆手机号（{digits} 位；+86 手机号为 11 位，以 13–19 开头）',
  },
  'plan.mobileTaken': {
    en: 'mobile {key} already belongs to contact {name} ({id}): to update it, match by mobile (--match mobile)',
    'zh-CN': '手机号 {key} 已属于联系人 {name}（{id}）：如需更新该联系人，请按手机号匹配（--match mobile）',
  },
  'plan.stateCodeInvalid': {
    en: 'state_code "{raw}" is not a country code (for example 86)',
    'zh-CN': 'state_code "{raw}" 不是国家码（例如 86）',
  },
  'plan.emailInvalid': { en: 'email "{raw}" is not an email address', 'zh-CN': '邮箱 "{raw}" 格式不正确' },
  'plan.nameTooLong': { en: 'name is longer than {max} characters', 'zh-CN': '姓名超过 {max} 个字符' },
  'plan.notNumericId': {
    en: '{field}: {values} is not a numeric id',
    'zh-CN': '{field}：{values} 不是数字 ID',
  },
  'plan.keySharedByContacts': {
    en: '{key} belongs to several contacts ({ids}); match by user_id',
    'zh-CN': '{key} 对应多个联系人（{ids}）；请按联系人ID匹配',
  },
  'plan.nothingToMatchOrCreate': {
    en: 'no {what} to match and no mobile to create a contact with',
    'zh-CN': '没有可用于匹配的 {what}，也没有可用于新建联系人的手机号',
  },
  'plan.keyEmpty': { en: '{what} is empty', 'zh-CN': '{what} 为空' },
  'plan.keyEmptyUseCreate': {
    en: '{what} is empty (use --create with a mobile to add new contacts)',
    'zh-CN': '{what} 为空（如需新建联系人，请填写手机号并开启“新建”）',
  },
  'plan.noContactWithMobile': { en: 'no contact has mobile {key}', 'zh-CN': '没有手机号为 {key} 的联系人' },
  'plan.noContactWithMobileUseCreate': {
    en: 'no contact has mobile {key} (use --create to add it)',
    'zh-CN': '没有手机号为 {key} 的联系人（如需新建，请开启“新建”）',
  },
  'plan.noContactWithUserId': {
    en: 'no contact has user_id {key}',
    'zh-CN': '没有联系人ID为 {key} 的联系人',
  },
  'plan.leadingZerosDropped': {
    en: '; "{id}" exists: Excel drops leading zeros from a number column, format it as text',
    'zh-CN': '；但存在 "{id}"：Excel 会去掉数字列的前导零，请把该列设为文本格式',
  },
  'plan.unknownGroupColumn': {
    en: 'Column "{header}" is mapped to label group "{group}", which the organisation does not have (groups: {groups}).',
    'zh-CN': '列“{header}”对应到标签组“{group}”，但组织中没有该标签组（现有标签组：{groups}）。',
  },
  'plan.noKeyColumn': {
    en: 'The sheet has no {field} column to find contacts by (headers: {headers}).',
    'zh-CN': '表格中没有用于查找联系人的“{field}”列（表头：{headers}）。',
  },
  'plan.didYouMeanColumn': {
    en: ' Did you mean column "{header}" as {field}? Rename it or map it in the mapping step.',
    'zh-CN': '是否指列“{header}”？请把它改名为“{field}”，或在列对应中手动对应。',
  },
  'plan.matchByMobileInstead': {
    en: ' The sheet has a mobile column: find contacts by mobile instead.',
    'zh-CN': '表格中有手机号列：可改为按手机号查找联系人。',
  },
  'plan.noDataRows': {
    en: 'The sheet has a header row but no data rows.',
    'zh-CN': '表格只有表头，没有数据行。',
  },
  'mapping.the': { en: 'the mapping', 'zh-CN': '列对应' },
  'mapping.file': { en: 'Mapping file {path}', 'zh-CN': '列对应文件 {path}' },
  'mapping.notObject': {
    en: '{where} must be a JSON object of header → field.',
    'zh-CN': '{where} 必须是“表头 → 字段”的 JSON 对象。',
  },
  'mapping.badTarget': {
    en: '{where}: column "{header}" maps to {target}; use a field ({fields}), "labels", {"group": "<label group>"} or "ignore".',
    'zh-CN':
      '{where}：列 "{header}" 对应到 {target}；请使用字段（{fields}）、"labels"、{"group": "<标签组>"} 或 "ignore"。',
  },
  'mapping.notFound': { en: 'Mapping file not found: {path}', 'zh-CN': '找不到列对应文件：{path}' },
  'mapping.cannotRead': {
    en: 'Cannot read mapping file {path} ({code}).',
    'zh-CN': '无法读取列对应文件 {path}（{code}）。',
  },
  'mapping.badJson': {
    en: 'Mapping file {path} is not valid JSON: {reason}',
    'zh-CN': '列对应文件 {path} 不是有效的 JSON：{reason}',
  },
  'mapping.notMappingFile': {
    en: '{name} is not a mapping file (JSON of column → field).',
    'zh-CN': '{name} 不是列对应文件（应为“列 → 字段”的 JSON）。',
  },
} as const satisfies Entries;
