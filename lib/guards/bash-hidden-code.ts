/**
 * Code bash-guard cannot read: a command whose name is a variable or substitution it cannot
 * evaluate (`$c`, `$(…)`, `"$@"`), `eval`/`source` of a variable, substitution or process
 * substitution, a shell or interpreter running a script file named by a variable (`bash "$F"`)
 * or reading its program from a pipe whose producer is not printed text (`cat x.sh | bash`), and
 * a script file downloaded earlier in the same command line (`curl -o f URL && sh f`).
 */
import type { ParsedScript, SimpleCommand } from '../shell/commands.ts';
import { hasBadSubstitution } from '../shell/bad-substitution.ts';
import { commandName, isShell, programText, readsProgramFromStdin, shellCommandString } from '../shell/interpreters.ts';
import { scanOptions } from '../shell/options.ts';
import { expandKnown, resolveCommandPath, type PathBase } from './bash-operand-paths.ts';
import type { CommandView } from './bash-rule-match.ts';
import { snippetOf } from './bash-snippet.ts';

/** What the shell would still expand in a word: a variable, substitution or process substitution. */
const UNKNOWN = /\$[A-Za-z_{(@*0-9#?!-]|`|<\(/;
const INTERPRETER = /^(?:python|pypy|node|nodejs|bun|deno|perl|ruby|php)[0-9.]*$/;
const SOURCES = new Set(['source', '.', 'eval']);
const PRINTERS = new Set(['echo', 'printf']);
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'xh']);
const CURL_VALUES = new Set([
  'o',
  'output',
  'd',
  'data',
  'H',
  'header',
  'u',
  'user',
  'X',
  'request',
  'A',
  'user-agent',
  'e',
  'referer',
  'F',
  'form',
  'm',
  'max-time',
  'connect-timeout',
  'retry',
  'w',
  'write-out',
  'x',
  'proxy',
  'b',
  'cookie',
  'c',
  'cookie-jar',
  'T',
  'upload-file',
  'K',
  'config',
  'output-dir',
]);
const WGET_VALUES = new Set([
  'O',
  'output-document',
  'P',
  'directory-prefix',
  'o',
  'output-file',
  'a',
  'append-output',
  'U',
  'user-agent',
  'header',
  't',
  'tries',
  'T',
  'timeout',
  'e',
  'execute',
]);

function runsCode(name: string): boolean {
  return isShell(name) || INTERPRETER.test(name);
}

/** Command substitutions in a command word, removed to see whether a literal program name follows (`$(npm bin)/eslint`). */
const SUBSTITUTIONS = /\$\([^()]*\)|`[^`]*`/g;

/** The hidden-name snippet: `$c`, `$(…)` as the command, unless its value was known and read (`view.resolved`). */
function hiddenName(view: CommandView): string | undefined {
  const first = view.argv[0] ?? '';
  // `v${Date.now()}` (a JS template in `node -e "…"`) is a bad substitution: bash runs nothing.
  // Most command names are plain words (view.opaque is false): decided before any RegExp runs.
  if (!view.opaque || view.resolved || isShell(view.name) || hasBadSubstitution(first)) return undefined;
  const literal = first.replace(SUBSTITUTIONS, '\u0000');
  const base = literal.slice(literal.lastIndexOf('/') + 1);
  // `$VENV/bin/python` names python; `$(npm bin)/eslint` names eslint. Only an unknowable last part hides the program.
  if (!UNKNOWN.test(base) && !base.includes('\u0000')) return undefined;
  // `$(echo rm) -rf x`: lib/shell reads printed text back as the command it becomes.
  const feeders = view.graph.argumentSources(view.command);
  if (
    feeders.length > 0 &&
    !/\$[A-Za-z_{@*0-9]/.test(literal) &&
    feeders.every((source) => PRINTERS.has(commandName(source.argv[0] ?? '')))
  )
    return undefined;
  return snippetOf(view.argv.slice(0, 1));
}

function stdinProducer(view: CommandView): SimpleCommand | undefined {
  return view.graph.stdinSources(view.command).find((source) => {
    const argv = source.unwrapped[source.unwrapped.length - 1] ?? [];
    return !PRINTERS.has(commandName(argv[0] ?? ''));
  });
}

/** A snippet when `view` runs code bash-guard cannot read, else undefined. */
export function hiddenCodeSnippet(view: CommandView): string | undefined {
  if (view.speculative || view.argv.length === 0) return undefined;
  const name = hiddenName(view);
  if (name !== undefined) return name;
  if (SOURCES.has(view.name)) {
    const code = expandKnown(view.argv.slice(1).join(' '), view.base);
    return UNKNOWN.test(code) ? snippetOf(view.argv) : undefined;
  }
  if (!runsCode(view.name)) return undefined;
  if (shellCommandString(view.argv) === undefined) {
    const program = programText(view.argv);
    if (program !== undefined && UNKNOWN.test(expandKnown(program, view.base)) && !isInlineCode(view.argv))
      return snippetOf(view.argv);
  }
  if (readsProgramFromStdin(view.argv)) {
    const producer = stdinProducer(view);
    if (producer !== undefined) return `${commandName(producer.argv[0] ?? '')} … | ${view.name}`;
  }
  return undefined;
}

/** `python -c CODE`, `node -e CODE`: the code is written out (lib/shell's interpreter rules read it). */
function isInlineCode(argv: readonly string[]): boolean {
  return argv.slice(1).some((word) => /^-(?:c|e|E|p|r)$|^--(?:eval|print)$/.test(word));
}

/** Files the download commands of `script` write (`curl -o f`, `curl -O URL/f`, `wget -O f`, `curl URL > f`), resolved. */
function downloadedFiles(script: ParsedScript, base: PathBase): Set<string> {
  const files = new Set<string>();
  for (const command of script.commands) {
    const argv = command.unwrapped[command.unwrapped.length - 1] ?? [];
    const name = commandName(argv[0] ?? '');
    if (!DOWNLOADERS.has(name)) continue;
    const scanned = scanOptions(argv.slice(1), { takesValue: name === 'wget' ? WGET_VALUES : CURL_VALUES });
    const named = [
      ...(scanned.values.get('o') ?? []),
      ...(scanned.values.get('output') ?? []),
      ...(scanned.values.get('O') ?? []),
      ...(scanned.values.get('output-document') ?? []),
    ];
    if (name === 'wget' && named.length === 0) named.push(...scanned.operands);
    if (name === 'curl' && (scanned.short.has('O') || scanned.long.includes('remote-name')))
      named.push(...scanned.operands);
    for (const redirect of command.redirects)
      if (redirect.op === '>' || redirect.op === '>|') named.push(redirect.target);
    for (const file of named) {
      // A URL names the file by its last segment (`curl -O https://x/install.sh` writes install.sh).
      const local = /^[a-z]+:\/\//i.test(file) ? file.replace(/[?#].*$/, '').slice(file.lastIndexOf('/') + 1) : file;
      if (local !== '' && local !== '-') files.add(resolveCommandPath(local, base));
    }
  }
  return files;
}

const downloadsByScript = new WeakMap<ParsedScript, Set<string>>();

/** A snippet when `view` runs, as a program, a file the same command line downloaded. */
export function downloadedRunSnippet(view: CommandView): string | undefined {
  if (view.speculative || view.script === undefined || view.argv.length === 0) return undefined;
  const first = view.argv[0] as string;
  let file: string | undefined;
  if (first.includes('/'))
    file = first; // `./install.sh`
  else if (runsCode(view.name) || view.name === 'source' || view.name === '.') {
    file = shellCommandString(view.argv) === undefined && !isInlineCode(view.argv) ? programText(view.argv) : undefined;
  }
  if (file === undefined || file === '' || UNKNOWN.test(file)) return undefined;
  let downloads = downloadsByScript.get(view.script);
  if (downloads === undefined) {
    downloads = downloadedFiles(view.script, view.base);
    downloadsByScript.set(view.script, downloads);
  }
  if (downloads.size === 0 || !downloads.has(resolveCommandPath(file, view.base))) return undefined;
  return snippetOf([`… && ${snippetOf(view.argv)}`]);
}
