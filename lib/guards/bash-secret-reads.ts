/**
 * Which files a command reads and shows or sends on: `cat .env`, `base64 id_rsa`,
 * `cp ~/.aws/credentials /tmp`, `curl -d @.env`, `tar c ~/.ssh`, `… < .env`. bash-guard's
 * `readsSecret` condition tests each against file-guard's rules (bash-secret-files.ts), so the
 * shell and the file tools share one list of protected files.
 *
 * A link to a secret (`ln .env notes.txt`) counts as well: the secret is then read under a name
 * no rule knows.
 *
 * Not a read here: commands that use a file without printing it (`source .env`, `ssh -i key`,
 * `chmod 600 id_rsa`, `grep -q KEY .env`, `sed -i … .env`, `docker --env-file .env`), and output
 * captured by `export $(cat .env | xargs)`, which loads variables without printing them.
 */
import type { Redirect, SimpleCommand } from '../shell/commands.ts';
import { commandName } from '../shell/interpreters.ts';
import { scanOptions, type ScannedArgs } from '../shell/options.ts';

/** A word of the command that names a file it reads, as written. */
export interface ReadOperand {
  path: string;
  /** Where it came from, for the snippet: `cat .env`, `< .env`, `curl -d @.env`. */
  word: string;
}

type Reader = (args: readonly string[]) => string[];

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

/** Every operand is a file it prints (`cat`, `base64`, `xxd` …); a stray option value is harmless. */
const allOperands: Reader = (args) => scanOptions(args).operands;

/** `grep PATTERN FILE…`: the first operand is the pattern unless `-e`/`-f` gave it; `-l`/`-q`/`-c` print no content. */
const GREP_VALUES = set(
  'e',
  'f',
  'regexp',
  'file',
  'A',
  'B',
  'C',
  'm',
  'd',
  'D',
  'g',
  't',
  'T',
  'j',
  'M',
  'context',
  'after-context',
  'before-context',
  'max-count',
  'glob',
  'type',
  'include',
  'exclude',
  'label',
  'color',
  'colors',
);
const GREP_QUIET = set('q', 'l', 'L', 'c', 'quiet', 'silent', 'files-with-matches', 'files-without-match', 'count');
function grepReads(args: readonly string[]): string[] {
  const scanned = scanOptions(args, { takesValue: GREP_VALUES });
  if ([...scanned.short].some((letter) => GREP_QUIET.has(letter)) || scanned.long.some((name) => GREP_QUIET.has(name)))
    return [];
  return patternGiven(scanned, ['e', 'f', 'regexp', 'file']) ? scanned.operands : scanned.operands.slice(1);
}

function patternGiven(scanned: ScannedArgs, names: readonly string[]): boolean {
  return names.some((name) => scanned.values.has(name) || scanned.short.has(name) || scanned.long.includes(name));
}

/** `sed SCRIPT FILE…`, `awk PROGRAM FILE…`, `jq FILTER FILE…`; `sed -i` edits in place and prints nothing. */
function scriptFirst(values: ReadonlySet<string>, given: readonly string[], inPlace?: readonly string[]): Reader {
  return (args) => {
    const scanned = scanOptions(args, { takesValue: values });
    if (inPlace && patternGiven(scanned, inPlace)) return [];
    return patternGiven(scanned, given) ? scanned.operands : scanned.operands.slice(1);
  };
}

/** `cp SRC… DEST` (or `-t DEST SRC…`): the sources; `scp`/`rsync` sources may be `host:path`. */
function sources(values: ReadonlySet<string>): Reader {
  return (args) => {
    const scanned = scanOptions(args, { takesValue: values });
    const list = patternGiven(scanned, ['t', 'target-directory']) ? scanned.operands : scanned.operands.slice(0, -1);
    return list.map(remotePath);
  };
}

/** `host:path` → `path` (scp, rsync); `./a:b` and `/a:b` are local. */
function remotePath(operand: string): string {
  const colon = operand.indexOf(':');
  return colon > 0 && !operand.slice(0, colon).includes('/') ? operand.slice(colon + 1) : operand;
}

/** `tar c`/`r`/`u` read their operands; `tar x`/`t` read the archive, which is not a secret. */
const TAR_VALUES = set(
  'f',
  'C',
  'b',
  'T',
  'X',
  'H',
  'K',
  'N',
  'g',
  'V',
  'file',
  'directory',
  'exclude',
  'files-from',
  'exclude-from',
  'format',
  'use-compress-program',
  'I',
  'transform',
  'owner',
  'group',
  'mode',
  'mtime',
  'newer',
  'after-date',
  'label',
);
function tarReads(args: readonly string[]): string[] {
  // Old style: `tar czf out.tgz dir` is `tar -czf out.tgz dir`.
  const first = args[0];
  const normal = first !== undefined && !first.startsWith('-') ? [`-${first}`, ...args.slice(1)] : args;
  const scanned = scanOptions(normal, { takesValue: TAR_VALUES });
  const creates =
    ['c', 'r', 'u'].some((letter) => scanned.short.has(letter)) ||
    scanned.long.some((name) => ['create', 'append', 'update'].includes(name));
  return creates
    ? [...scanned.operands, ...(scanned.values.get('T') ?? []), ...(scanned.values.get('files-from') ?? [])]
    : [];
}

/** `zip out.zip FILE…`, `7z a out.7z FILE…`. */
const zipReads: Reader = (args) => scanOptions(args).operands.slice(1);
const sevenZipReads: Reader = (args) => scanOptions(args).operands.slice(2);

/** `dd if=FILE`. */
const ddReads: Reader = (args) => args.filter((arg) => arg.startsWith('if=')).map((arg) => arg.slice(3));

/** `openssl rsa -in key.pem` (openssl's own one-dash long options). */
const opensslReads: Reader = (args) =>
  args.flatMap((arg, i) =>
    ['-in', '-inkey', '-infiles'].includes(arg) && i + 1 < args.length ? [args[i + 1] as string] : [],
  );

/** Values of curl options that upload a file: `-d @f`, `--data-binary @f`, `-F k=@f`, `-F k=<f`, `-T f`, `-H @f`. */
const CURL_AT = set('d', 'data', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'H', 'header');
const CURL_FORM = set('F', 'form', 'form-string');
const CURL_FILE = set('T', 'upload-file');
const CURL_VALUES = set(
  ...CURL_AT,
  ...CURL_FORM,
  ...CURL_FILE,
  'o',
  'output',
  'u',
  'user',
  'X',
  'request',
  'A',
  'user-agent',
  'e',
  'referer',
  'x',
  'proxy',
  'b',
  'cookie',
  'c',
  'cookie-jar',
  'K',
  'config',
  'E',
  'cert',
  'key',
  'cacert',
  'm',
  'max-time',
  'w',
  'write-out',
  'connect-timeout',
  'retry',
  'url',
);
function curlReads(args: readonly string[]): string[] {
  const scanned = scanOptions(args, { takesValue: CURL_VALUES });
  const files: string[] = [];
  for (const [option, values] of scanned.values) {
    for (const value of values) {
      if (CURL_FILE.has(option)) files.push(value);
      else if (CURL_AT.has(option)) {
        // `@file` and, for --data-urlencode, `name@file`.
        const at = value.indexOf('@');
        if (at === 0 || (at > 0 && option === 'data-urlencode' && !value.slice(0, at).includes('=')))
          files.push(value.slice(at + 1));
      } else if (CURL_FORM.has(option) && option !== 'form-string') {
        const match = /=[@<]([^;]*)/.exec(value);
        if (match) files.push(match[1] as string);
      }
    }
  }
  return files;
}

/** `wget --post-file=F`, `--body-file=F`. */
function wgetReads(args: readonly string[]): string[] {
  const scanned = scanOptions(args, {
    takesValue: set('post-file', 'body-file', 'O', 'output-document', 'o', 'a', 'U', 'header'),
  });
  return [...(scanned.values.get('post-file') ?? []), ...(scanned.values.get('body-file') ?? [])];
}

/** HTTPie and xh request items that attach a file: `@file`, `name@file`, `name=@file`, `name:=@file`. */
function httpieReads(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const operand of scanOptions(args).operands) {
    const match = /^(?:[^=:@]*@|[^=:@]*:?=@)(.+)$/.exec(operand);
    if (match && !operand.startsWith('http')) files.push(match[1] as string);
  }
  return files;
}

/** `perl -ne 'print' .env`, `ruby -pe … .env`: with -n/-p the operands are read line by line (not with -i, in place). */
function lineLoopReads(values: ReadonlySet<string>): Reader {
  return (args) => {
    const scanned = scanOptions(args, { takesValue: values });
    if (!(scanned.short.has('n') || scanned.short.has('p')) || scanned.short.has('i')) return [];
    return scanned.operands;
  };
}

/** `python3 -m json.tool FILE` prints the file. */
function pythonReads(args: readonly string[]): string[] {
  const scanned = scanOptions(args, { takesValue: set('m', 'c', 'W', 'X'), stopAtOperand: true });
  return scanned.values.get('m')?.[0] === 'json.tool' ? scanned.operands.slice(0, 1) : [];
}

const PLAIN = [
  'cat',
  'tac',
  'nl',
  'less',
  'more',
  'most',
  'pg',
  'head',
  'tail',
  'bat',
  'batcat',
  'view',
  'zcat',
  'zless',
  'zmore',
  'bzcat',
  'xzcat',
  'zstdcat',
  'base64',
  'base32',
  'basenc',
  'xxd',
  'hexdump',
  'hd',
  'od',
  'strings',
  'uuencode',
  'sort',
  'uniq',
  'cut',
  'paste',
  'column',
  'fold',
  'fmt',
  'pr',
  'expand',
  'unexpand',
  'rev',
  'iconv',
  'diff',
  'sdiff',
  'colordiff',
  'comm',
  'join',
];

const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  ...PLAIN.map((name): [string, Reader] => [name, allOperands]),
  ...['grep', 'egrep', 'fgrep', 'zgrep', 'rg', 'ag', 'ack', 'ugrep'].map((name): [string, Reader] => [name, grepReads]),
  [
    'sed',
    scriptFirst(
      set('e', 'f', 'expression', 'file', 'l', 'line-length'),
      ['e', 'f', 'expression', 'file'],
      ['i', 'in-place'],
    ),
  ],
  ...['awk', 'gawk', 'mawk', 'nawk'].map((name): [string, Reader] => [
    name,
    scriptFirst(set('F', 'v', 'f', 'field-separator', 'assign', 'file'), ['f', 'file']),
  ]),
  ...['jq', 'gojq', 'yq'].map((name): [string, Reader] => [
    name,
    scriptFirst(set('f', 'from-file', 'L', 'indent'), ['f', 'from-file']),
  ]),
  ['cp', sources(set('t', 'target-directory', 'S', 'suffix'))],
  ['install', sources(set('t', 'target-directory', 'm', 'mode', 'o', 'owner', 'g', 'group', 'S', 'suffix'))],
  // A second name for a secret (`ln .env notes.txt`, `ln -s ~/.ssh/id_rsa k`) is read through it unseen.
  ['ln', sources(set('t', 'target-directory', 'S', 'suffix'))],
  ['link', sources(set())],
  ['scp', sources(set('c', 'F', 'i', 'J', 'l', 'o', 'P', 'S', 'D', 'X'))],
  [
    'rsync',
    sources(
      set(
        'e',
        'rsh',
        'f',
        'filter',
        'exclude',
        'include',
        'exclude-from',
        'include-from',
        'files-from',
        'rsync-path',
        'chmod',
        'chown',
        'log-file',
        'B',
        'T',
        'temp-dir',
        'partial-dir',
      ),
    ),
  ],
  ['tar', tarReads],
  ['bsdtar', tarReads],
  ['zip', zipReads],
  ['7z', sevenZipReads],
  ['7za', sevenZipReads],
  ['dd', ddReads],
  ['openssl', opensslReads],
  ['curl', curlReads],
  ['perl', lineLoopReads(set('e', 'E', 'M', 'm', 'I', 'l', '0'))],
  ['ruby', lineLoopReads(set('e', 'r', 'I', 'E', 'F'))],
  ['python', pythonReads],
  ['python3', pythonReads],
  ['wget', wgetReads],
  ...['http', 'https', 'xh', 'xhs'].map((name): [string, Reader] => [name, httpieReads]),
]);

/** Commands whose arguments a reader's captured output may become without being printed: `export $(cat .env | xargs)`. */
const LOADERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly', 'set']);

/** The files `argv` (one unwrapped view of `command`) reads and shows or sends on, with the redirections of `command`. */
export function secretReadCandidates(
  command: SimpleCommand,
  argv: readonly string[],
  loaderOf: (id: number) => SimpleCommand | undefined,
): ReadOperand[] {
  const found: ReadOperand[] = [];
  for (const redirect of command.redirects) {
    if (isInput(redirect)) found.push({ path: redirect.target, word: `< ${redirect.target}` });
  }
  const name = commandName(argv[0] ?? '');
  const reader = READERS.get(name);
  if (reader === undefined) return found;
  if (command.feeds !== undefined && LOADERS.has(commandName(loaderOf(command.feeds)?.argv[0] ?? ''))) return found;
  for (const path of reader(argv.slice(1)))
    found.push({ path, word: argv[1] === path ? `${name} ${path}` : `${name} … ${path}` });
  return found;
}

function isInput(redirect: Redirect): boolean {
  return (redirect.op === '<' || redirect.op === '<>') && redirect.target !== '';
}

/**
 * The text to test for a glob operand: `.env*` may be `.env`, `*.pem` may be `.pem`, `~/.ssh/*`
 * is everything in `~/.ssh`, `.[e]nv` may be `.env`. Only the empty and first-member expansions
 * are tried: `id_*` is not caught.
 */
export function globProbe(operand: string): string {
  if (!/[*?[]/.test(operand)) return operand;
  return operand
    .replace(/\[!?\^?([^\]])[^\]]*\]/g, (whole, first: string) =>
      whole.startsWith('[!') || whole.startsWith('[^') ? '' : first,
    )
    .replace(/[*?]/g, '');
}
