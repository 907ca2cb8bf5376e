/**
 * Reads a command's arguments the way getopt does: short options cluster (`-rf`), a short
 * option that takes a value takes the rest of its word or the next word (`-C dir`, `-Cdir`),
 * long options may carry `=value`, and `--` ends the options. Used to find the command inside
 * a wrapper (`sudo -u root rm …`) and the flags and operands a guard rule looks at.
 */

export interface ScannedArgs {
  /** Short option letters seen, e.g. `r` and `f` for `-rf`. */
  short: Set<string>;
  /** Long option names seen, without `--` and `=value`. */
  long: string[];
  /** Values of options that take one, by option name. */
  values: Map<string, string[]>;
  /** Arguments that are not options or option values, in order. */
  operands: string[];
  /** With `stopAtOperand`: the index in `args` of the first operand (`args.length` when none). */
  rest: number;
}

export interface ScanOptions {
  /** Option names (one letter: short; longer: long) that take a value. */
  takesValue?: ReadonlySet<string>;
  /** Stop at the first operand (a wrapper's command starts there) instead of reading options anywhere, as GNU tools do. */
  stopAtOperand?: boolean;
  /** Also read `+o`-style options (shells). */
  plusOptions?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

function addValue(values: Map<string, string[]>, name: string, value: string): void {
  const list = values.get(name);
  if (list) list.push(value);
  else values.set(name, [value]);
}

/** Splits `args` (argv without the command name) into options, option values and operands. */
export function scanOptions(args: readonly string[], options: ScanOptions = {}): ScannedArgs {
  const takesValue = options.takesValue ?? NONE;
  const result: ScannedArgs = { short: new Set(), long: [], values: new Map(), operands: [], rest: args.length };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      result.operands.push(...args.slice(i + 1));
      if (options.stopAtOperand) result.rest = i + 1;
      return result;
    }
    const plus = options.plusOptions === true && arg.startsWith('+') && arg.length > 1;
    if (arg.startsWith('--') && !plus) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      result.long.push(name);
      if (eq !== -1) addValue(result.values, name, arg.slice(eq + 1));
      else if (takesValue.has(name) && i + 1 < args.length) addValue(result.values, name, args[++i] as string);
      continue;
    }
    if ((arg.startsWith('-') || plus) && arg.length > 1) {
      for (let j = 1; j < arg.length; j += 1) {
        const letter = arg.charAt(j);
        result.short.add(letter);
        if (!takesValue.has(letter)) continue;
        if (j + 1 < arg.length) addValue(result.values, letter, arg.slice(j + 1));
        else if (i + 1 < args.length) addValue(result.values, letter, args[++i] as string);
        break;
      }
      continue;
    }
    if (options.stopAtOperand) {
      result.rest = i;
      result.operands.push(...args.slice(i));
      return result;
    }
    result.operands.push(arg);
  }
  return result;
}
