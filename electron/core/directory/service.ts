// The directory service: reads the directory once per connection (concurrent callers share one read),
// keeps it until `refresh()`, and looks up staff mobiles a sheet names (getbymobile), each mobile once.
// Every call goes through the client it is given, so through the engine's scheduler (limits, retries).
// It remembers why the last read failed, whoever asked for it, until a read succeeds, so a screen opened
// later can say why the directory is not there.
import pLimit from 'p-limit';
import type { Lang } from '../../../shared/i18n';
import { Directory, mobileOf } from './directory';
import { DirectoryError } from './errors';
import { readDirectory, ROOT_DEPT, type ReadOptions } from './read';
import type { DirectoryClient, DirectoryProgress } from './types';

/** getbymobile calls in flight. */
const MOBILE_CONCURRENCY = 8;

export interface DirectoryServiceOptions {
  /** Language of DirectoryError messages (default en). */
  language?: Lang;
  read?: Omit<ReadOptions, 'onProgress'>;
}

/**
 * The last read's failure as the admin is told it: its one line in both languages and the errcode, and
 * nothing else of the call (never its token or the app's secret).
 */
export interface DirectoryReadFailure {
  readonly errcode: number | string;
  readonly lines: Readonly<Record<Lang, string>>;
  /** When it failed (ISO). */
  readonly at: string;
}

export class DirectoryService {
  private current: Directory | undefined;
  private failure: DirectoryReadFailure | undefined;
  private reading: Promise<Directory> | undefined;
  private readonly listeners = new Set<(p: DirectoryProgress) => void>();

  constructor(
    private client: DirectoryClient,
    private readonly opts: DirectoryServiceOptions = {},
  ) {}

  /** Calls go through this client from now on (e.g. after the rate setting changed); the cache stays. */
  setClient(client: DirectoryClient): void {
    this.client = client;
  }

  /** The directory read by the last `get`/`refresh`, if any (no call). */
  cached(): Directory | undefined {
    return this.current;
  }

  /** Why the last read failed, until a read succeeds (no call). */
  lastFailure(): DirectoryReadFailure | undefined {
    return this.failure;
  }

  /** The directory: read on first use, then the same one until `refresh()`. Throws DirectoryError. */
  get(onProgress?: (p: DirectoryProgress) => void): Promise<Directory> {
    if (this.current) return Promise.resolve(this.current);
    return this.read(onProgress);
  }

  /** Reads the directory again (the "refresh" the app shows); callers already waiting share it. */
  refresh(onProgress?: (p: DirectoryProgress) => void): Promise<Directory> {
    this.current = undefined;
    return this.read(onProgress);
  }

  private read(onProgress?: (p: DirectoryProgress) => void): Promise<Directory> {
    if (onProgress) this.listeners.add(onProgress);
    if (!this.reading) {
      const lang = this.opts.language ?? 'en';
      const emit = (p: DirectoryProgress): void => {
        for (const l of this.listeners) l(p);
      };
      this.reading = (async () => {
        try {
          const [raw, rootName] = await Promise.all([
            readDirectory(this.client, { ...this.opts.read, onProgress: emit }),
            this.client.departmentName(ROOT_DEPT),
          ]);
          const dir = new Directory(raw, rootName);
          this.current = dir;
          this.failure = undefined;
          return dir;
        } catch (e) {
          const err = DirectoryError.from(e, lang);
          // A DingTalk answer (a permission, a network failure) is the admin's to fix; anything else is
          // dtload's and is not kept as a reason.
          if (err instanceof DirectoryError) {
            this.failure = Object.freeze({
              errcode: err.errcode,
              lines: Object.freeze({ ...err.lines }),
              at: new Date().toISOString(),
            });
          }
          throw err;
        } finally {
          this.reading = undefined;
          this.listeners.clear();
        }
      })();
    }
    return this.reading;
  }

  /**
   * Looks up the staff mobiles among `texts` (cells' items: only those that read as a mobile and are no
   * staff member's name or id) that this directory has not looked up yet, so resolvePerson can answer them.
   */
  async lookupMobiles(dir: Directory, texts: Iterable<string>): Promise<number> {
    const wanted = new Set<string>();
    for (const t of texts) {
      const m = mobileOf(t);
      if (m !== undefined && !dir.hasLookedUp(m) && !dir.staff.has(t.trim())) wanted.add(m);
    }
    const limit = pLimit(MOBILE_CONCURRENCY);
    try {
      await Promise.all(
        [...wanted].map((m) =>
          limit(async () => dir.recordMobile(m, (await this.client.staffIdByMobile(m)) ?? null)),
        ),
      );
    } catch (e) {
      throw DirectoryError.from(e, this.opts.language ?? 'en');
    }
    return wanted.size;
  }
}
