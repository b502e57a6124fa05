// Exit codes of the `dtload` contract (cli-contract.md).
// 70 (EX_SOFTWARE): an unexpected internal error, never confused with 1 ("rows failed").
// 4: DingTalk could not be reached at all (DNS, refused, timeout): the connection, not the rows, is at fault.
export const EXIT = {
  ok: 0,
  rowsFailed: 1,
  usage: 2,
  fatal: 3,
  unreachable: 4,
  internal: 70,
  interrupted: 130,
} as const;

/** A problem the user can fix (bad option, bad file): one clear line, exit 2, nothing sent. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
