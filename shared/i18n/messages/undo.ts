// Undo of a job (`dtload undo`, the jobs screen's Undo button): the plan's row messages, its refusals and
// what the app shows around it.
import type { Entries } from './entries';

export const undo = {
  'undo.noJob': {
    en: 'No job "{jobId}" in {dataDir}; see `dtload jobs`',
    'zh-CN': '{dataDir} 中没有任务“{jobId}”；请用 `dtload jobs` 查看',
  },
  'undo.damaged': {
    en: 'Job {jobId} cannot be undone: its {what} is damaged ({reason})',
    'zh-CN': '任务 {jobId} 无法撤销：其{what}已损坏（{reason}）',
  },
  'undo.running': {
    en: 'Job {jobId} is still running; undo it once it has ended',
    'zh-CN': '任务 {jobId} 仍在运行；请在它结束后再撤销',
  },
  'undo.otherOrg': {
    en: 'Job {jobId} was made on {jobOrg}, not on {here}: connect to that organisation to undo it',
    'zh-CN': '任务 {jobId} 是在 {jobOrg} 上执行的，而不是 {here}：请连接到该组织后再撤销',
  },
  'undo.nothingDone': {
    en: 'Job {jobId} wrote nothing, so there is nothing to undo',
    'zh-CN': '任务 {jobId} 没有写入任何内容，无需撤销',
  },
  'undo.source': { en: 'undo {jobId}', 'zh-CN': '撤销 {jobId}' },
  'undo.sourceOf': { en: 'undo of {source}', 'zh-CN': '撤销：{source}' },
  'undo.title': {
    en: 'Undo plan for job {jobId} ({kind}, {source})',
    'zh-CN': '任务 {jobId}（{kind}，{source}）的撤销计划',
  },
  'undo.noBefore': {
    en: 'the job kept no copy of this contact as it was before (made by an earlier version of dtload); it cannot be restored',
    'zh-CN': '该任务没有保存此联系人修改前的状态（由旧版 dtload 执行），无法恢复',
  },
  'undo.goneSince': {
    en: 'contact {id} was deleted after the job; it cannot be restored by an update',
    'zh-CN': '联系人 {id} 在该任务之后已被删除，无法通过更新恢复',
  },
  'undo.conflict': {
    en: 'changed since the job ({fields}); skipped so that change is not lost — add --force to restore it anyway',
    'zh-CN': '该任务之后已被修改（{fields}）；为免丢失这些修改已跳过——加 --force 可强制恢复',
  },
  'undo.conflictApp': {
    en: 'changed since the job ({fields}); skipped so that change is not lost',
    'zh-CN': '该任务之后已被修改（{fields}）；为免丢失这些修改已跳过',
  },
  'undo.forced': {
    en: 'changed since the job ({fields}); restored anyway (--force)',
    'zh-CN': '该任务之后已被修改（{fields}）；仍强制恢复（--force）',
  },
  'undo.forcedApp': {
    en: 'changed since the job ({fields}); restored anyway',
    'zh-CN': '该任务之后已被修改（{fields}）；仍强制恢复',
  },
  'undo.alreadyGone': {
    en: 'the contact the job created ({id}) no longer exists',
    'zh-CN': '该任务创建的联系人（{id}）已不存在',
  },
  'undo.noNewId': {
    en: 'the job did not record the userid of the contact it created; find it and delete it by hand',
    'zh-CN': '该任务没有记录所创建联系人的 userid；请手动找到并删除',
  },
  'undo.mobileExists': {
    en: 'a contact with this mobile exists again ({id}): not re-created',
    'zh-CN': '已有使用此手机号的联系人（{id}）：不再重新创建',
  },
  'undo.noMobile': {
    en: 'the deleted contact has no mobile on record; DingTalk needs one to re-create it',
    'zh-CN': '被删除的联系人没有记录手机号；钉钉需要手机号才能重新创建',
  },
  'undo.recreates': {
    en: 're-creates contact {id} (deleted by the job); it gets a new userid',
    'zh-CN': '重新创建联系人 {id}（被该任务删除）；将获得新的 userid',
  },
  'undo.recreated': {
    en: 'Re-created {name} (was {old}): new userid {id}',
    'zh-CN': '已重新创建 {name}（原 {old}）：新的 userid 为 {id}',
  },
  'undo.backupMissing': {
    en: 'Job {jobId} kept no copy of the contacts it deleted and its backup {backup} cannot be read ({reason})',
    'zh-CN': '任务 {jobId} 没有保存被删除联系人的副本，且无法读取其备份 {backup}（{reason}）',
  },

  // The app: the Undo button, the undo's diff and its confirmation.
  'undo.button': { en: 'Undo', 'zh-CN': '撤销' },
  'undo.drawer.title': { en: 'Undo job {jobId}', 'zh-CN': '撤销任务 {jobId}' },
  'undo.intro': {
    en: 'Each contact the job changed goes back to how it was before the job, compared with its state in DingTalk now. Contacts the job created are deleted; contacts it deleted are created again (with new userids).',
    'zh-CN':
      '该任务修改过的每个联系人都将恢复到任务之前的状态（与钉钉中的当前状态对比）。任务创建的联系人将被删除；任务删除的联系人将被重新创建（userid 会改变）。',
  },
  'undo.conflicts': {
    en: 'Changed after the job: {count} contacts. They are skipped so those changes are not lost.',
    'zh-CN': '有 {count} 个联系人在该任务之后被修改过：已跳过，以免丢失这些修改。',
  },
  'undo.conflictsForced': {
    en: 'Changed after the job: {count} contacts. They are restored anyway, overwriting those changes.',
    'zh-CN': '有 {count} 个联系人在该任务之后被修改过：仍将恢复，覆盖这些修改。',
  },
  'undo.force': {
    en: 'Restore them anyway (overwrite the later changes)',
    'zh-CN': '仍然恢复（覆盖之后的修改）',
  },
  'undo.apply': { en: 'Undo: send {count} changes', 'zh-CN': '撤销：发送 {count} 项修改' },
  'undo.nothing': {
    en: 'Nothing to undo: every contact is already as it was before the job, or was skipped.',
    'zh-CN': '无需撤销：每个联系人都已是任务之前的状态，或已被跳过。',
  },
  'undo.confirmDeletes': {
    en: 'This undo deletes {count} contacts the job created.',
    'zh-CN': '此次撤销将删除该任务创建的 {count} 个联系人。',
  },
} as const satisfies Entries;
