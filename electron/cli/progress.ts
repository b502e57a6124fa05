// Progress on stderr: a redrawn bar on a TTY, plain lines (at most every 2 s) otherwise, NDJSON with --json.
export interface ProgressSink {
  update(p: { done: number; total?: number; label?: string; extra?: string }): void;
  finish(message?: string): void;
}

export function createProgress(
  title: string,
  opts: { json?: boolean; stream?: NodeJS.WriteStream; out?: NodeJS.WritableStream } = {},
): ProgressSink {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY) && !opts.json;
  // Line mode waits 2 s before its first line, so quick tasks print only their summary.
  let last = tty || opts.json ? 0 : Date.now();
  let lastLine = '';
  const render = (done: number, total?: number, extra?: string): string => {
    if (total && total > 0) {
      const pct = Math.min(1, done / total);
      const width = 28;
      const filled = Math.round(pct * width);
      const bar = tty ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
      return `${title}: ${bar}${(pct * 100).toFixed(0)}% ${done}/${total}${extra ? ` ${extra}` : ''}`;
    }
    return `${title}: ${done}${extra ? ` ${extra}` : ''}`;
  };
  return {
    update({ done, total, extra }) {
      const now = Date.now();
      if (opts.json) {
        if (now - last < 100) return;
        last = now;
        (opts.out ?? process.stdout).write(
          JSON.stringify({ event: 'progress', task: title, done, total }) + '\n',
        );
        return;
      }
      if (tty) {
        if (now - last < 80) return;
        last = now;
        lastLine = render(done, total, extra);
        stream.write(`\r\x1b[2K${lastLine}`);
        return;
      }
      if (now - last < 2000) return;
      last = now;
      stream.write(render(done, total, extra) + '\n');
    },
    finish(message) {
      if (opts.json) return;
      if (tty && lastLine) stream.write('\r\x1b[2K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
