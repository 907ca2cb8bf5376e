import type { RunOptions } from './types.ts';

/** `setTimeout` fires after 1 ms for anything longer (TimeoutOverflowWarning), so longer waits mean "no limit". */
export const MAX_TIMER_MS = 2_147_483_647;

const RUN_OPTIONS = ['timeoutMs', 'input', 'cwd', 'env', 'extendEnv', 'maxOutputBytes', 'signal', 'killGraceMs'];

function wrong(name: string, expected: string, value: unknown): never {
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value.slice(0, 40))
      : value === null || typeof value === 'number'
        ? String(value)
        : Array.isArray(value)
          ? 'an array'
          : typeof value;
  throw new TypeError(`\`${name}\` must be ${expected}, got ${shown}`);
}

/** A non-empty string without NUL bytes (node would throw on those deep inside spawn). */
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '' && !value.includes('\0');
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws a TypeError naming the argument unless `file` is an executable and `args` an argv array (never a shell line). */
export function checkCommand(file: unknown, args: unknown): void {
  if (!isText(file)) wrong('file', 'an executable name or path, its arguments in `args`', file);
  if (!Array.isArray(args)) wrong('args', 'an array of strings (argv, not a shell string)', args);
  args.forEach((arg, i) => {
    if (typeof arg !== 'string' || arg.includes('\0')) wrong(`args[${i}]`, 'a string without NUL bytes', arg);
  });
}

/**
 * Throws a TypeError naming the option for anything a caller got wrong, unknown keys included
 * (`timeout` instead of `timeoutMs` would otherwise be silently ignored). `allowed` lists the valid keys.
 */
export function checkOptions(options: unknown, allowed: readonly string[] = RUN_OPTIONS): RunOptions {
  if (options === undefined) return {};
  if (!isObject(options)) wrong('options', 'an object', options);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`unknown option \`${key}\`; valid options: ${allowed.join(', ')}`);
  }
  const { timeoutMs, killGraceMs, maxOutputBytes, input, cwd, env, extendEnv, signal } = options;
  for (const [name, value] of Object.entries({ timeoutMs, killGraceMs, maxOutputBytes })) {
    if (value !== undefined && (typeof value !== 'number' || !(value >= 0))) wrong(name, 'a number >= 0', value);
  }
  if (input !== undefined && typeof input !== 'string' && !(input instanceof Uint8Array))
    wrong('input', 'a string or a Buffer', input);
  if (cwd !== undefined && !isText(cwd)) wrong('cwd', 'a directory path', cwd);
  if (extendEnv !== undefined && typeof extendEnv !== 'boolean') wrong('extendEnv', 'a boolean', extendEnv);
  if (env !== undefined) {
    if (!isObject(env)) wrong('env', 'an object of strings', env);
    for (const [key, value] of Object.entries(env)) {
      if (value !== undefined && (typeof value !== 'string' || value.includes('\0')))
        wrong(`env.${key}`, 'a string, or undefined to remove it', value);
    }
  }
  if (signal !== undefined && typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== 'function')
    wrong('signal', 'an AbortSignal', signal);
  return options as RunOptions;
}
