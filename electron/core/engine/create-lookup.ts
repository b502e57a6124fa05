// Finding the contact an ambiguous create may have made. DingTalk has no get-by-mobile, so one `list`
// pass over all contacts answers every create waiting at that moment: lookups are gathered for a short
// moment and share the pass; a lookup arriving during a pass waits for the next one (its contact may sit
// on a page the running pass has already read).
import type { ContactCreate } from '../../../shared/domain';
import type { EngineClient } from './types';

/** The list answers carry no mobiles (third-party apps do not see them): the outcome cannot be checked. */
export class MobilesNotVisibleError extends Error {
  constructor() {
    super('the contact list carries no mobile numbers, so an unknown create outcome cannot be checked');
    this.name = 'MobilesNotVisibleError';
  }
}

export const mobileKey = (mobile: string | undefined): string => (mobile ?? '').replace(/\D/g, '');

interface Waiter {
  stateCode?: string;
  resolve: (userId: string | undefined) => void;
  reject: (e: unknown) => void;
}

export class CreateLookup {
  private waiting = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Passes made so far (for tests and stats). */
  passes = 0;

  constructor(
    private readonly client: Pick<EngineClient, 'listContacts'>,
    private readonly gatherMs = 50,
  ) {}

  /** The userid of the contact with this create's mobile (and country code), or undefined if there is none. */
  find(body: Pick<ContactCreate, 'mobile' | 'state_code'>): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const key = mobileKey(body.mobile);
      const list = this.waiting.get(key) ?? [];
      list.push({ stateCode: body.state_code, resolve, reject });
      this.waiting.set(key, list);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.timer || this.waiting.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pass(); // through the job's untraced client: this pass serves several rows
    }, this.gatherMs);
  }

  private async pass(): Promise<void> {
    this.running = true;
    this.passes++;
    const batch = this.waiting;
    this.waiting = new Map();
    const found = new Map<string, string>();
    let listed = 0;
    let withMobile = 0;
    try {
      for await (const c of this.client.listContacts()) {
        listed++;
        if (!c.mobile) continue;
        withMobile++;
        const key = mobileKey(c.mobile);
        const waiters = batch.get(key);
        if (!waiters || found.has(key)) continue;
        if (waiters.some((w) => !w.stateCode || !c.state_code || w.stateCode === c.state_code)) {
          found.set(key, c.userid);
          if (found.size === batch.size) break; // every lookup answered: no need to page on
        }
      }
      const blind = listed > 0 && withMobile === 0;
      for (const [key, waiters] of batch) {
        const userId = found.get(key);
        for (const w of waiters) {
          if (userId === undefined && blind) w.reject(new MobilesNotVisibleError());
          else w.resolve(userId);
        }
      }
    } catch (e) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(e);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
