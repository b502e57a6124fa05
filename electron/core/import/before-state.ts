// The before-state a job keeps for its undo: every contact an update or delete writes, as read when planning.
import type { Contact, RowOp } from '../../../shared/domain';

/** The contacts the ops update or delete, by userid, looked up in what planning read. */
export function beforeOf(
  ops: readonly RowOp[],
  found: { get(userId: string): Contact | undefined },
): Record<string, Contact> {
  const out: Record<string, Contact> = {};
  for (const op of ops) {
    if (op.kind === 'create') continue;
    const c = found.get(op.userId);
    if (c) out[op.userId] = c;
  }
  return out;
}
