// The command table. `dtload --help` lists these names and summaries without loading any command; the
// module of the command being run is imported only then, so light commands never load exceljs, ws or the
// web server. To add a command: write commands/<name>.ts exporting `register(program, ctx)` (as the others
// do) and add one line here; its `.description()` must equal the summary (test/cli/command-table.test.ts).
import type { Command } from 'commander';
import type { CliContext } from '../context';

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'labels',
    summary: 'print label groups and their labels with ids',
    load: () => import('./labels'),
  },
  {
    name: 'export',
    summary: 'write every external contact to .xlsx or .csv, labels as names (one column per label group)',
    load: () => import('./export'),
  },
  {
    name: 'template',
    summary: 'write a blank import sheet; label columns have drop-down lists of valid names',
    load: () => import('./template'),
  },
  {
    name: 'import',
    summary: 'plan (dry run, the default) or --apply an import of a spreadsheet of contacts',
    load: () => import('./import'),
  },
  {
    name: 'delete',
    summary: 'delete the contacts a sheet lists by user_id (dry run by default; --apply backs them up first)',
    load: () => import('./delete'),
  },
  {
    name: 'edit',
    summary: 'bulk-edit the contacts a query selects (dry run by default; --apply sends the changes)',
    load: () => import('./edit'),
  },
  {
    name: 'reassign',
    summary: 'hand every contact of one owner to another (dry run by default; --apply sends the changes)',
    load: () => import('./reassign'),
  },
  {
    name: 'duplicates',
    summary:
      'find duplicate contacts (same mobile, same name + company, near-identical names); --merge plans merging them',
    load: () => import('./duplicates'),
  },
  {
    name: 'jobs',
    summary:
      'list jobs in the data dir with their state and counts (interrupted jobs can be finished with `dtload resume`)',
    load: () => import('./jobs'),
  },
  {
    name: 'resume',
    summary: 'finish an interrupted job without repeating finished rows',
    load: () => import('./resume'),
  },
  {
    name: 'undo',
    summary:
      'restore what a job changed (dry run by default); contacts changed since the job are skipped unless --force',
    load: () => import('./undo'),
  },
  {
    name: 'sandbox',
    summary:
      'serve the sandbox organisation (a local DingTalk for demos and tests) on 127.0.0.1; ' +
      'its contacts are kept in the data dir between runs, as with --sandbox',
    load: () => import('./sandbox'),
  },
  {
    name: 'ui',
    summary: "serve the app's screens on 127.0.0.1 (web mode); the printed address carries an access token",
    load: () => import('./ui'),
  },
];
