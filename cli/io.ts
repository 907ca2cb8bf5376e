/** Where a command writes, and how: the only place that knows about TTYs and colour. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress for anything slow: stderr, and only when stderr is a terminal or `--verbose`. */
  progress(text: string): void;
  /** Colour only on a TTY and never with NO_COLOR. */
  readonly color: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The streams and exit a process Io writes to; tests pass their own. */
export interface ProcessStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  exit(code: number): void;
}

function processStreams(): ProcessStreams {
  return { stdout: process.stdout, stderr: process.stderr, exit: (code) => process.exit(code) };
}

/**
 * Ends the process quietly when the reader of our output went away (`hookpack list | head -1`:
 * EPIPE), as the shell tools do, instead of dying of an unhandled 'error' event with a stack
 * trace. The exit code is the one already set (0 when none). Any other write error is reported
 * once and exits 1.
 */
export function exitQuietlyOnEpipe(streams: ProcessStreams): void {
  let handled = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (handled) return;
    handled = true;
    if (error.code === 'EPIPE') {
      streams.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      return;
    }
    try {
      streams.stderr.write(`hookpack: cannot write output: ${error.code ?? error.message}\n`);
    } catch {
      // stderr is gone too
    }
    streams.exit(1);
  };
  streams.stdout.on('error', onError);
  streams.stderr.on('error', onError);
}

export function processIo(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  streams: ProcessStreams = processStreams(),
): Io {
  exitQuietlyOnEpipe(streams);
  const color = Boolean(streams.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return {
    out: (text) => void streams.stdout.write(text),
    err: (text) => void streams.stderr.write(text),
    progress: (text) => {
      if (streams.stderr.isTTY) streams.stderr.write(`${text}\n`);
    },
    color,
    env,
    cwd,
  };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/** Wraps text in an ANSI colour when `enabled`. */
export function paint(enabled: boolean, colour: keyof typeof CODES, text: string): string {
  return enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}
