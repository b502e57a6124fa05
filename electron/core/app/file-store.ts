// Files the backend holds for the UI, named by opaque ids: sheets the admin opened (by dialog, drop or
// upload) and outputs dtload wrote (exports, templates, reports, backups). The renderer never sees or
// sends a path, except for a recent file, which is checked against the recent list.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileRef } from '../../../shared/contract';
import { clip } from '../../../shared/clip';
import { notFound } from './app-error';

export interface HeldFile extends FileRef {
  path: string;
}

/** Outputs and uploads older than this are removed at start (offered for saving, or opened, long ago). */
const OUTPUT_TTL_MS = 24 * 3600 * 1000;

/** A file name safe on every OS: no directories, control or reserved characters. */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned.slice(0, 200);
}

export function createFileStore(dataDir: string) {
  const files = new Map<string, HeldFile>();
  /** Where each upload is kept → the name the admin gave it: messages say the latter. */
  const given = new Map<string, string>();
  const newId = (): string => randomBytes(12).toString('hex');
  const outputsRoot = join(dataDir, 'outputs');
  const uploadsRoot = join(dataDir, 'uploads');

  const hold = async (path: string, name = basename(path)): Promise<HeldFile> => {
    const s = await stat(path);
    const f: HeldFile = { fileId: newId(), name, size: s.size, path };
    files.set(f.fileId, f);
    return f;
  };

  return {
    hold,
    get(fileId: string): HeldFile {
      const f = files.get(fileId);
      if (!f) throw notFound('That file is no longer open in dtload.', 'Open the file again.');
      return f;
    },
    /** A fresh path in its own folder, for an output named `name`; call hold() once written. */
    async outputPath(name: string): Promise<string> {
      const dir = join(outputsRoot, newId());
      await mkdir(dir, { recursive: true });
      return join(dir, safeFileName(name, 'output'));
    },
    /** Stores uploaded bytes (web mode, or a file dropped on the window) and holds them. */
    async upload(name: string, data: Uint8Array): Promise<HeldFile> {
      const dir = join(uploadsRoot, newId());
      await mkdir(dir, { recursive: true });
      const safe = safeFileName(name, 'upload');
      const path = join(dir, safe);
      await writeFile(path, data);
      given.set(path, clip(name, 120));
      return hold(path, safe);
    },
    /** `text` with every upload's internal path replaced by the file name the admin gave. */
    asGiven(text: string): string {
      let out = text;
      for (const [path, name] of given) if (out.includes(path)) out = out.split(path).join(name);
      return out;
    },
    toRef(f: HeldFile): FileRef {
      return { fileId: f.fileId, name: f.name, size: f.size };
    },
    /** Drops outputs nobody saved and uploads from earlier sessions (their ids died with that session). */
    async sweep(now = Date.now()): Promise<void> {
      for (const root of [outputsRoot, uploadsRoot]) {
        for (const d of await readdir(root).catch(() => [] as string[])) {
          const p = join(root, d);
          const s = await stat(p).catch(() => null);
          if (s && now - s.mtimeMs > OUTPUT_TTL_MS) await rm(p, { recursive: true, force: true });
        }
      }
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
