// SQLite through sql.js (SQLite compiled to WebAssembly: no native addon, the same in Node, Electron
// and tests). The database lives in memory and is written to its file atomically (temp file + rename)
// after each batch of changes, so a crash leaves the last whole index, never a torn one.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';

export type SqlDatabase = initSqlJs.Database;

let engine: Promise<initSqlJs.SqlJsStatic> | undefined;

function sqlJs(): Promise<initSqlJs.SqlJsStatic> {
  if (!engine) {
    engine = initSqlJs({ locateFile: () => wasmPath() });
  }
  return engine;
}

/** The desktop app's main bundle (out/main) has the wasm file beside it (scripts/build.mjs copies it: the
 * installed app has no node_modules); everywhere else it is the sql.js package's own. */
function wasmPath(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'sql-wasm.wasm');
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
}

/** Opens the database file, or a new empty one when there is none (or it is unreadable). */
export async function openDatabase(path: string): Promise<{ db: SqlDatabase; fresh: boolean }> {
  const SQL = await sqlJs();
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes) {
    try {
      const db = new SQL.Database(bytes);
      db.exec('SELECT count(*) FROM sqlite_master');
      return { db, fresh: false };
    } catch {
      // A damaged index is only a cache of DingTalk: start afresh (the next refresh fills it).
    }
  }
  return { db: new SQL.Database(), fresh: true };
}

export async function saveDatabase(db: SqlDatabase, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, db.export());
  await rename(tmp, path);
}
