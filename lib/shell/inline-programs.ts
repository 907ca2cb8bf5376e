/**
 * Where an interpreter invocation carries its program: `python -c CODE`, `node -e CODE`,
 * `perl -ne CODE`, `ruby -e CODE`, `php -r CODE`, `awk 'PROGRAM' file`, `deno eval CODE`,
 * `bun -e CODE`, `pwsh -Command …` / `-EncodedCommand BASE64`; and which language a program
 * read from stdin is in (`python3 - <<EOF`). lib/shell/inline-code.ts turns the program into the
 * shell commands it amounts to.
 */
import { commandName, readsProgramFromStdin } from './interpreters.ts';
import type { Language } from './inline-literals.ts';
import { inlineCodeScripts } from './inline-code.ts';
import { scanOptions } from './options.ts';

const PYTHON = /^(?:python|pypy)[0-9.]*$/;
const PERL = /^perl[0-9.]*$/;
const RUBY = /^ruby[0-9.]*$/;
const PHP = /^php[0-9.]*(?:-cli)?$/;
const AWK = new Set(['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk']);
const NODE = new Set(['node', 'nodejs', 'bun', 'deno']);
const POWERSHELL = new Set(['pwsh', 'pwsh.exe', 'powershell', 'powershell.exe']);

/** The language of an interpreter name, or undefined. */
export function languageOf(name: string): Language | undefined {
  // Most commands are none of these: one character decides before any RegExp runs.
  const first = name.charAt(0);
  if (
    first !== 'p' &&
    first !== 'r' &&
    first !== 'n' &&
    first !== 'b' &&
    first !== 'd' &&
    first !== 'a' &&
    first !== 'g' &&
    first !== 'm'
  )
    return undefined;
  if (PYTHON.test(name)) return 'python';
  if (NODE.has(name)) return 'node';
  if (PERL.test(name)) return 'perl';
  if (RUBY.test(name)) return 'ruby';
  if (PHP.test(name)) return 'php';
  if (AWK.has(name)) return 'awk';
  if (POWERSHELL.has(name)) return 'powershell';
  return undefined;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const VALUES: Readonly<Record<Exclude<Language, 'powershell' | 'awk'>, ReadonlySet<string>>> = {
  python: set('c', 'W', 'X', 'm'),
  node: set('e', 'p', 'eval', 'print', 'r', 'require', 'import', 'loader', 'C', 'conditions'),
  perl: set('e', 'E', 'M', 'm', 'I', 'x'),
  ruby: set('e', 'r', 'I', 'C', 'E'),
  php: set('r', 'd', 'c', 'z', 'f'),
};
const INLINE: Readonly<Record<Exclude<Language, 'powershell' | 'awk'>, readonly string[]>> = {
  python: ['c'],
  node: ['e', 'p', 'eval', 'print'],
  perl: ['e', 'E'],
  ruby: ['e'],
  php: ['r'],
};

/** `pwsh -Command …`: the rest of the line; `-EncodedCommand B64`: UTF-16LE text. Options match by prefix, any case. */
function powershellProgram(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('-') && !arg.startsWith('/')) return args.slice(i).join(' ');
    const name = arg.replace(/^[-/]+/, '').toLowerCase();
    if (
      name === 'c' ||
      (name.length >= 2 && 'command'.startsWith(name)) ||
      name === 'commandwithargs' ||
      name === 'cwa'
    )
      return args.slice(i + 1).join(' ');
    if (name === 'e' || name === 'ec' || (name.length >= 2 && 'encodedcommand'.startsWith(name))) {
      const encoded = args[i + 1];
      return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf16le');
    }
    if (name === 'f' || name === 'file') return undefined;
    if (
      /^(?:ex|ep|executionpolicy|w|windowstyle|wd|workingdirectory|settingsfile|configurationname|outputformat|of|inputformat|if|custompipename|psconsolefile|version|v)$/.test(
        name,
      )
    )
      i += 1;
  }
  return undefined;
}

/** The programs given on the command line of `argv`, with their language. */
export function inlinePrograms(argv: readonly string[]): Array<{ language: Language; code: string }> {
  const name = commandName(argv[0] ?? '');
  const language = languageOf(name);
  if (language === undefined) return [];
  let args = argv.slice(1);
  if (language === 'powershell') {
    const code = powershellProgram(args);
    return code === undefined ? [] : [{ language, code }];
  }
  if (language === 'awk') {
    const scanned = scanOptions(args, { takesValue: set('F', 'v', 'f', 'field-separator', 'assign', 'file') });
    if (scanned.values.has('f') || scanned.values.has('file')) return [];
    const program = scanned.operands[0];
    return program === undefined ? [] : [{ language, code: program }];
  }
  // `deno eval CODE`, `bun eval`? (bun has -e): the subcommand form.
  if (name === 'deno') {
    if (args[0] !== 'eval') return [];
    const scanned = scanOptions(args.slice(1), { takesValue: VALUES.node, stopAtOperand: true });
    const code = scanned.operands[0];
    return code === undefined ? [] : [{ language, code }];
  }
  if (name === 'bun' && args[0] === 'run') args = args.slice(1);
  const scanned = scanOptions(args, { takesValue: VALUES[language], stopAtOperand: true });
  const code = INLINE[language].flatMap((option) => scanned.values.get(option) ?? []);
  return code.length === 0 ? [] : [{ language, code: code.join('\n') }];
}

/** The language of a program this invocation reads from stdin (`python3 -`, `node`, `perl`), or undefined. */
export function stdinProgramLanguage(argv: readonly string[]): Language | undefined {
  const language = languageOf(commandName(argv[0] ?? ''));
  if (language === undefined || language === 'awk' || language === 'powershell') return undefined;
  return readsProgramFromStdin(argv) ? language : undefined;
}

/** The shell commands the programs on `argv`'s command line amount to. */
export function inlineProgramScripts(argv: readonly string[]): string[] {
  return inlinePrograms(argv).flatMap(({ language, code }) => inlineCodeScripts(language, code));
}
