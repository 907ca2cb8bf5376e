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

export function processIo(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Io {
  const color = Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(`${text}\n`);
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
