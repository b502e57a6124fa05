// The access_token cache: one per client (and its withScheduler copies), renewed a margin before
// expiry, with ONE in-flight refresh shared by every concurrent caller.
export interface IssuedToken {
  value: string;
  expiresInSeconds: number;
}

export class TokenCache {
  private current?: { value: string; renewAt: number };
  private inflight?: Promise<string>;
  /** Every token this client held, so redaction can scrub them even after they were dropped. */
  private readonly seen: string[] = [];

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly marginSeconds: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<string> {
    const c = this.current;
    if (c && this.now() < c.renewAt) return c.value;
    return this.refresh();
  }

  refresh(): Promise<string> {
    this.inflight ??= this.fetchToken()
      .then((t) => {
        // A margin larger than half the lifetime would renew on every call: cap it.
        const margin = Math.min(this.marginSeconds, t.expiresInSeconds / 2);
        this.current = { value: t.value, renewAt: this.now() + (t.expiresInSeconds - margin) * 1000 };
        this.seen.push(t.value);
        if (this.seen.length > 16) this.seen.shift();
        return t.value;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /** Forget `value` if it is still the cached token (a later refresh may already have replaced it). */
  drop(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  secrets(): readonly string[] {
    return this.seen;
  }
}
