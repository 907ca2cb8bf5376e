/**
 * Interpreter one-liners seen as the shell commands they amount to, so bash-guard judges them by
 * the same rules: `python -c "import os; os.system('rm -rf /')"` runs `rm -rf /`,
 * `node -e "fs.rmSync('/', {recursive: true})"` is `rm -rf /`, `ruby -e 'puts File.read(".env")'`
 * is `cat .env`, `perl -e 'exec(get("http://x"))'`-style download-and-run is `curl … | perl`.
 *
 * It scans for a fixed set of calls per language (shell-outs, deletions, file reads and writes,
 * eval of downloaded text) and reads their literal arguments (lib/shell/inline-literals.ts). A
 * shell-out whose command is not a literal at all (`os.system(cmd)`) is not judged, unless the
 * code also downloads something: then it counts as running downloaded code. Everything here
 * compiles on first use; most commands are not interpreters.
 */
import { ShellParseError } from './errors.ts';
import {
  isUnknown,
  readArguments,
  readValue,
  shellSource,
  shellWord,
  skipBalanced,
  type Language,
  type Piece,
  type Value,
} from './inline-literals.ts';

type CallKind =
  | 'shell'
  | 'program'
  | 'execv'
  | 'rmrf'
  | 'rm'
  | 'rmMaybeRecursive'
  | 'rmdir'
  | 'read'
  | 'open'
  | 'write'
  | 'perlOpen'
  | 'pathMethod';

interface CallPattern {
  pattern: RegExp;
  kind: CallKind;
}

interface LanguageSpec {
  calls: CallPattern[];
  /** Text forms that run their content as shell: backticks, `qx(…)`, `%x(…)`. */
  shellQuotes?: RegExp[];
  /** Code that fetches from the network, and code that runs a string as code. */
  download: RegExp;
  evaluates: RegExp;
  /** Code that decodes hidden text (base64, hex, rot13 …): run as code, it is `base64 -d | <runner>`. */
  decodes?: RegExp;
  /** The interpreter that downloaded code would be run by, in the shell text built for it. */
  runner: string;
  /** Calls that shell out only when this is also in the code (`exec(` is a RegExp method too). */
  requires?: RegExp;
}

const call = (source: string, kind: CallKind, flags = 'g'): CallPattern => ({
  pattern: new RegExp(source, flags),
  kind,
});

function pythonSpec(): LanguageSpec {
  return {
    calls: [
      call(String.raw`\bos\.(?:system|popen)\s*\(`, 'shell'),
      call(
        String.raw`\bsubprocess\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\s*\(`,
        'shell',
      ),
      call(String.raw`\b(?:commands\.getoutput|pty\.spawn)\s*\(`, 'shell'),
      call(String.raw`\bos\.exec[lv]p?e?\s*\(`, 'execv'),
      call(String.raw`(?<![\w.])(?:shutil\.)?rmtree\s*\(`, 'rmrf'),
      call(String.raw`\bos\.(?:remove|unlink)\s*\(`, 'rm'),
      call(String.raw`\bos\.(?:rmdir|removedirs)\s*\(`, 'rmdir'),
      call(String.raw`(?<![\w.])(?:io\.|codecs\.)?open\s*\(`, 'open'),
      call(String.raw`\bPath\s*\(`, 'pathMethod'),
    ],
    download: /\b(?:urlopen|urlretrieve|requests\.(?:get|post)|httpx\.(?:get|post|stream)|urllib3|http\.client)\b/,
    evaluates: /(?<![\w.])(?:exec|eval|compile)\s*\(|\bos\.system\s*\(|\bsubprocess\./,
    decodes:
      /\b(?:b64decode|b32decode|a85decode|fromhex|unhexlify|decompress)\s*\(|\bcodecs\.decode\s*\(|['"]rot.?13['"]/,
    runner: 'python3',
  };
}

function nodeSpec(): LanguageSpec {
  return {
    calls: [
      call(String.raw`(?<![\w$])(?:[\w$]+\.)?(?:exec|execSync)\s*\(`, 'shell'),
      call(String.raw`(?<![\w$])(?:[\w$]+\.)?(?:spawn|spawnSync|execFile|execFileSync)\s*\(`, 'program'),
      call(String.raw`\bBun\.spawn(?:Sync)?\s*\(`, 'program'),
      call(String.raw`\bnew\s+Deno\.Command\s*\(`, 'program'),
      call(String.raw`\bDeno\.run\s*\(`, 'program'),
      call(
        String.raw`\b(?:rmSync|rmdirSync)\s*\(|\bfs(?:\.promises)?\.(?:rm|rmdir)\s*\(|\bDeno\.remove(?:Sync)?\s*\(`,
        'rmMaybeRecursive',
      ),
      call(String.raw`\bunlinkSync\s*\(|\bfs(?:\.promises)?\.unlink\s*\(`, 'rm'),
      call(
        String.raw`\b(?:readFileSync|createReadStream)\s*\(|\bfs(?:\.promises)?\.readFile\s*\(|\bDeno\.read(?:Text)?File(?:Sync)?\s*\(|\bBun\.file\s*\(`,
        'read',
      ),
      call(
        String.raw`\b(?:writeFileSync|appendFileSync|createWriteStream)\s*\(|\bfs(?:\.promises)?\.(?:writeFile|appendFile)\s*\(|\bDeno\.write(?:Text)?File(?:Sync)?\s*\(|\bBun\.write\s*\(`,
        'write',
      ),
    ],
    // Bun's shell and zx: $`rm -rf /`.
    shellQuotes: [/(?:\bBun\.)?\$`([^`]*)`/g],
    download: /\bfetch\s*\(|\bhttps?\.(?:get|request)\s*\(|\baxios\b|\bimport\s*\(\s*['"`]https?:/,
    evaluates:
      /(?<![\w$.])eval\b|\bnew\s+Function\s*\(|\bvm\.run|\bimport\s*\(\s*['"`](?:https?|data):|\bexecSync?\s*\(|\bspawn/,
    decodes: /\bBuffer\.from\s*\([^)]*['"](?:base64|hex)['"]|(?<![\w$.])atob\s*\(/,
    runner: 'node',
    requires: /child_process|\bBun\.|\bDeno\./,
  };
}

function perlSpec(): LanguageSpec {
  return {
    calls: [
      call(String.raw`(?<![\w$>:])(?:system|exec)\b\s*\(?`, 'shell'),
      call(String.raw`(?<![\w$>:])open\b\s*\(?`, 'perlOpen'),
      call(String.raw`\b(?:rmtree|remove_tree)\b\s*\(?`, 'rmrf'),
      call(String.raw`(?<![\w$>:])unlink\b\s*\(?`, 'rm'),
      call(String.raw`(?<![\w$>:])rmdir\b\s*\(?`, 'rmdir'),
    ],
    shellQuotes: [
      /`([^`]*)`/g,
      /\bqx\s*\(([^)]*)\)/g,
      /\bqx\s*\{([^}]*)\}/g,
      /\bqx\s*\[([^\]]*)\]/g,
      /\bqx\s*\/([^/]*)\//g,
      /\bqx\s*'([^']*)'/g,
    ],
    download: /\bLWP\b|\bHTTP::Tiny\b|\bgetstore\b|(?<![\w$>])get\s*\(\s*['"]https?:|\bIO::Socket/,
    evaluates: /(?<![\w$>])eval\b|(?<![\w$>])(?:system|exec)\b/,
    decodes: /\bdecode_base64\b|\bpack\s*\(?\s*['"]H|\bunpack\s*\(?\s*['"]u/,
    runner: 'perl',
  };
}

function rubySpec(): LanguageSpec {
  return {
    calls: [
      call(String.raw`(?<![\w.:])(?:Kernel\.)?(?:system|exec|spawn)\b\s*\(?`, 'shell'),
      call(
        String.raw`\bIO\.popen\s*\(|\bOpen3\.(?:capture2e?|capture3|popen2e?|popen3|pipeline\w*)\s*\(|\bPTY\.spawn\s*\(?`,
        'shell',
      ),
      call(String.raw`\bFileUtils\.(?:rm_rf|rm_r|remove_dir|remove_entry|remove_entry_secure|rmtree)\b\s*\(?`, 'rmrf'),
      call(String.raw`\bFileUtils\.(?:rm|rm_f|remove|safe_unlink)\b\s*\(?|\bFile\.(?:delete|unlink)\s*\(`, 'rm'),
      call(String.raw`\bDir\.(?:rmdir|delete|unlink)\s*\(|\bFileUtils\.rmdir\b\s*\(?`, 'rmdir'),
      call(String.raw`\b(?:File|IO)\.(?:read|readlines|binread|foreach)\s*\(`, 'read'),
      call(String.raw`\bFile\.(?:open|new)\s*\(`, 'open'),
      call(String.raw`\b(?:File|IO)\.(?:write|binwrite)\s*\(`, 'write'),
    ],
    shellQuotes: [/`([^`]*)`/g, /%x\(([^)]*)\)/g, /%x\{([^}]*)\}/g, /%x\[([^\]]*)\]/g],
    download: /open-uri|\bURI\.open\b|\bNet::HTTP\b|\bopen\s*\(\s*['"]https?:|\bHTTParty\b|\bFaraday\b/,
    evaluates: /(?<![\w.])(?:eval|instance_eval|class_eval)\b|(?<![\w.:])(?:system|exec)\b/,
    decodes: /\bBase64\.(?:decode64|strict_decode64|urlsafe_decode64)\b|\.unpack1?\s*\(?\s*['"][mH]/,
    runner: 'ruby',
  };
}

function phpSpec(): LanguageSpec {
  return {
    calls: [
      call(String.raw`(?<![\w$>:])(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(`, 'shell'),
      call(String.raw`(?<![\w$>:])unlink\s*\(`, 'rm'),
      call(String.raw`(?<![\w$>:])rmdir\s*\(`, 'rmdir'),
      call(
        String.raw`(?<![\w$>:])(?:file_get_contents|readfile|file|highlight_file|show_source|parse_ini_file)\s*\(`,
        'read',
      ),
      call(String.raw`(?<![\w$>:])fopen\s*\(`, 'open'),
      call(String.raw`(?<![\w$>:])file_put_contents\s*\(`, 'write'),
    ],
    shellQuotes: [/`([^`]*)`/g],
    download:
      /\b(?:file_get_contents|fopen|include|require|include_once|require_once)\s*\(?\s*['"]https?:|\bcurl_exec\b/,
    evaluates: /(?<![\w$>])(?:eval|assert|include|require)\b|(?<![\w$>:])(?:system|exec|shell_exec|passthru)\s*\(/,
    decodes: /\b(?:base64_decode|str_rot13|gzinflate|gzuncompress|hex2bin|convert_uudecode)\s*\(/,
    runner: 'php',
  };
}

function awkSpec(): LanguageSpec {
  return {
    calls: [call(String.raw`\bsystem\s*\(`, 'shell')],
    // `print … | "cmd"` and `"cmd" | getline` run cmd through sh, `print "cmd" | "sh"` runs
    // what it prints; `print > "/etc/x"` writes.
    shellQuotes: [
      /\|\s*"((?:[^"\\]|\\.)*)"/g,
      /"((?:[^"\\]|\\.)*)"\s*\|\s*getline/g,
      /\bprintf?\s+"((?:[^"\\]|\\.)*)"\s*\|\s*"(?:\/bin\/)?(?:sh|bash|dash|zsh)"/g,
    ],
    download: /(?!)/,
    evaluates: /(?!)/,
    runner: 'sh',
  };
}

const SPECS = new Map<Language, LanguageSpec>();
const BUILDERS: Readonly<Record<Exclude<Language, 'powershell'>, () => LanguageSpec>> = {
  python: pythonSpec,
  node: nodeSpec,
  perl: perlSpec,
  ruby: rubySpec,
  php: phpSpec,
  awk: awkSpec,
};

function specFor(language: Exclude<Language, 'powershell'>): LanguageSpec {
  let spec = SPECS.get(language);
  if (spec === undefined) {
    spec = BUILDERS[language]();
    SPECS.set(language, spec);
  }
  return spec;
}

/** Shell text for an argv: each word quoted. */
function argvSource(items: readonly Piece[][]): string | undefined {
  return items.length === 0 ? undefined : items.map((item) => shellWord(item)).join(' ');
}

/** Shell text for a value that is run as a command: a string is shell source, a list an argv. */
function commandSource(value: Value | undefined): string | undefined {
  if (value === undefined || isUnknown(value)) return undefined;
  if (value.kind === 'list') return argvSource(value.items);
  return value.kind === 'string' ? shellSource(value.pieces) : undefined;
}

function pathOf(value: Value | undefined): string | undefined {
  return value?.kind === 'string' && !isUnknown(value) ? shellWord(value.pieces) : undefined;
}

function pathsOf(values: readonly Value[]): string[] {
  return values.flatMap((value) =>
    value.kind === 'list' ? value.items.map((item) => shellWord(item)) : (pathOf(value) ?? []),
  );
}

/** The text of a value, for modes such as `'w'` or `"-|"`. */
function textOf(value: Value | undefined): string | undefined {
  return value?.kind === 'string'
    ? value.pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('')
    : undefined;
}

/** The call's source from `start` to its closing parenthesis (or 300 characters), for options such as `recursive: true`. */
function callText(code: string, open: number): string {
  return code.charAt(open) === '(' ? code.slice(open, skipBalanced(code, open)) : code.slice(open, open + 300);
}

interface ScanState {
  scripts: string[];
  /** A shell-out whose command could not be read. */
  unknownShell: boolean;
  /** Calls read so far (MAX_CALLS). */
  calls: number;
}

/**
 * Work caps, so a crafted one-liner cannot make the scan quadratic: each call's arguments are read
 * from at most WINDOW characters after it (an unterminated string stops there, not at the end of
 * a megabyte of code), and past MAX_CALLS matched calls the command is refused as too large.
 */
const WINDOW = 4096;
const MAX_CALLS = 256;
const MAX_ALIASES = 32;

function scanCall(source: string, match: RegExpExecArray, kind: CallKind, language: Language, state: ScanState): void {
  state.calls += 1;
  if (state.calls > MAX_CALLS)
    throw new ShellParseError(
      'E_SHELL_TOO_LARGE',
      `an interpreter one-liner makes more than ${MAX_CALLS} calls the guard reads`,
    );
  const start = match.index + match[0].length;
  const code = source.length - start > WINDOW ? source.slice(0, start + WINDOW) : source;
  const open = match[0].endsWith('(') ? start - 1 : start;
  const out = state.scripts;
  switch (kind) {
    case 'shell': {
      const args = readArguments(code, start, language, 32);
      // `system('rm', '-rf', '/')` (Perl, Ruby): several strings are an argv.
      const strings = args.filter((arg) => arg.kind === 'string');
      const source =
        strings.length > 1 && strings.length === args.length
          ? argvSource(strings.map((arg) => (arg.kind === 'string' ? arg.pieces : [])))
          : commandSource(args[0]);
      if (source === undefined) state.unknownShell = true;
      else out.push(source);
      return;
    }
    case 'program': {
      const [first, second] = readArguments(code, start, language, 2);
      if (first?.kind === 'list') {
        const source = argvSource(first.items);
        if (source !== undefined) out.push(source);
        return;
      }
      const text = callText(code, open);
      const listAfter = /\b(?:args|cmd)\s*:\s*/.exec(text);
      const rest =
        second?.kind === 'list'
          ? second
          : listAfter
            ? readValue(text, listAfter.index + listAfter[0].length, language).value
            : undefined;
      if (first?.kind === 'string' && !isUnknown(first)) {
        out.push(
          [shellWord(first.pieces), ...(rest?.kind === 'list' ? rest.items.map((item) => shellWord(item)) : [])].join(
            ' ',
          ),
        );
      } else if (rest?.kind === 'list') {
        const source = argvSource(rest.items);
        if (source !== undefined) out.push(source);
      } else state.unknownShell = true;
      return;
    }
    case 'execv': {
      const args = readArguments(code, start, language, 32);
      const list = args.find((arg) => arg.kind === 'list');
      const source =
        list?.kind === 'list'
          ? argvSource(list.items)
          : argvSource(args.slice(1).flatMap((arg) => (arg.kind === 'string' ? [arg.pieces] : [])));
      if (source === undefined) state.unknownShell = true;
      else out.push(source);
      return;
    }
    case 'rmrf':
      for (const path of pathsOf(readArguments(code, start, language, 16))) out.push(`rm -rf ${path}`);
      return;
    case 'rm':
      for (const path of pathsOf(readArguments(code, start, language, 16))) out.push(`rm -f ${path}`);
      return;
    case 'rmdir':
      for (const path of pathsOf(readArguments(code, start, language, 16))) out.push(`rmdir ${path}`);
      return;
    case 'rmMaybeRecursive': {
      const path = pathOf(readValue(code, start, language).value);
      if (path !== undefined)
        out.push(/\brecursive\s*:\s*true/.test(callText(code, open)) ? `rm -rf ${path}` : `rm -f ${path}`);
      return;
    }
    case 'read': {
      const path = pathOf(readValue(code, start, language).value);
      if (path !== undefined) out.push(`cat ${path}`);
      return;
    }
    case 'write': {
      const path = pathOf(readValue(code, start, language).value);
      if (path !== undefined) out.push(`: > ${path}`);
      return;
    }
    case 'open': {
      const [file, mode] = readArguments(code, start, language, 2);
      const path = pathOf(file);
      if (path === undefined) return;
      const modeText = textOf(mode) ?? '';
      out.push(/[wax+]/.test(modeText) ? `: > ${path}` : `cat ${path}`);
      return;
    }
    case 'pathMethod': {
      const { value, end } = readValue(code, start, language);
      const path = pathOf(value);
      const method = /^\s*\)\s*\.\s*(unlink|rmdir|read_text|read_bytes|open|write_text|write_bytes)\s*\(/.exec(
        code.slice(end, end + 40),
      );
      if (path === undefined || method === null) return;
      const name = method[1] as string;
      out.push(
        name === 'unlink'
          ? `rm -f ${path}`
          : name === 'rmdir'
            ? `rmdir ${path}`
            : name.startsWith('write')
              ? `: > ${path}`
              : `cat ${path}`,
      );
      return;
    }
    case 'perlOpen': {
      // open(FH, MODE, EXPR) / open(FH, EXPR): skip the handle, then read the mode and target.
      const comma = code.indexOf(',', start);
      if (comma === -1) return;
      const [first, second] = readArguments(code, comma + 1, language, 2);
      const firstText = textOf(first);
      if (firstText === undefined) return;
      const mode = firstText.trim();
      if (mode === '-|' || mode === '|-') {
        const source = commandSource(second);
        if (source === undefined) state.unknownShell = true;
        else out.push(source);
      } else if (/^\|/.test(mode) || /\|$/.test(mode)) out.push(mode.replace(/^\|\s*|\s*\|$/g, ''));
      else if (second !== undefined && /^(?:<|\+<)$/.test(mode)) {
        const path = pathOf(second);
        if (path !== undefined) out.push(`cat ${path}`);
      } else if (second !== undefined && /^(?:>|>>|\+>)$/.test(mode)) {
        const path = pathOf(second);
        if (path !== undefined) out.push(`: > ${path}`);
      } else if (second === undefined || second.kind === 'unknown') {
        const target = mode.replace(/^[<>+]+\s*/, '');
        if (target !== '')
          out.push(
            mode.startsWith('>')
              ? `: > ${shellWord([{ kind: 'text', text: target }])}`
              : `cat ${shellWord([{ kind: 'text', text: target }])}`,
          );
      }
      return;
    }
  }
}

function firstUrl(code: string): string {
  const url = /https?:\/\/[^\s'"`)]+/.exec(code);
  return url === null ? '$CODE_VALUE' : shellWord([{ kind: 'text', text: url[0] }]);
}

/** The shell commands a one-liner in `language` amounts to (see the file comment). */
export function inlineCodeScripts(language: Language, source: string): string[] {
  if (language === 'powershell') return powershellScripts(source);
  const code = language === 'python' ? unaliasPython(source) : source;
  const spec = specFor(language);
  const state: ScanState = { scripts: [], unknownShell: false, calls: 0 };
  const shellOutsAllowed = spec.requires === undefined || spec.requires.test(code);
  for (const { pattern, kind } of spec.calls) {
    if (!shellOutsAllowed && (kind === 'shell' || kind === 'program')) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(code); match !== null; match = pattern.exec(code))
      scanCall(code, match, kind, language, state);
  }
  for (const quoted of spec.shellQuotes ?? []) {
    quoted.lastIndex = 0;
    for (let match = quoted.exec(code); match !== null; match = quoted.exec(code)) {
      state.calls += 1;
      if (state.calls > MAX_CALLS)
        throw new ShellParseError(
          'E_SHELL_TOO_LARGE',
          `an interpreter one-liner makes more than ${MAX_CALLS} calls the guard reads`,
        );
      const body = language === 'awk' ? (match[1] as string).replace(/\\(.)/g, '$1') : (match[1] as string);
      // Interpolated text in Bun's $`…`: `${x}` is an unknown value.
      state.scripts.push(body.replace(/\$\{[^}]*\}/g, '$CODE_VALUE'));
    }
  }
  if (language === 'awk') {
    // `print … > "/etc/x"`: found from the `>` back to its statement, so the scan stays linear.
    const write = />>?\s*"((?:[^"\\]|\\.){0,4096})"/g;
    for (let match = write.exec(code); match !== null; match = write.exec(code)) {
      const before = code.slice(Math.max(0, match.index - 200), match.index);
      const statement = before.slice(
        Math.max(before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('}'), before.lastIndexOf('|')) +
          1,
      );
      if (!/\bprintf?\b/.test(statement)) continue;
      state.calls += 1;
      if (state.calls > MAX_CALLS)
        throw new ShellParseError(
          'E_SHELL_TOO_LARGE',
          `an interpreter one-liner makes more than ${MAX_CALLS} calls the guard reads`,
        );
      state.scripts.push(`: > ${shellWord([{ kind: 'text', text: match[1] as string }])}`);
    }
  }
  // Downloaded text run as code: the same thing as `curl URL | <interpreter>`; decoded text run
  // as code: `base64 -d | <interpreter>`.
  const runs = spec.evaluates.test(code) || state.unknownShell;
  if (runs && spec.download.test(code)) state.scripts.push(`curl -s ${firstUrl(code)} | ${spec.runner}`);
  if (runs && spec.decodes?.test(code)) state.scripts.push(`base64 -d | ${spec.runner}`);
  return state.scripts;
}

const PYTHON_MODULES = 'os|subprocess|shutil|pathlib|pty|commands';

/**
 * Python code with its module aliases spelled out, so the call patterns see them:
 * `import subprocess as sp; sp.run(…)`, `from os import system; system(…)`,
 * `__import__('os').system(…)` become `subprocess.run(…)`, `os.system(…)`.
 */
function unaliasPython(code: string): string {
  if (!/\bimport\b|__import__|import_module/.test(code)) return code;
  let out = code.replace(
    new RegExp(String.raw`(?:__import__|importlib\.import_module)\(\s*['"](${PYTHON_MODULES})['"]\s*\)\.`, 'g'),
    '$1.',
  );
  for (const match of [
    ...code.matchAll(new RegExp(String.raw`\bimport\s+(${PYTHON_MODULES})\s+as\s+([A-Za-z_]\w*)`, 'g')),
  ].slice(0, MAX_ALIASES)) {
    out = out.replace(new RegExp(String.raw`(?<![\w.])${match[2]}\.`, 'g'), `${match[1]}.`);
  }
  for (const match of [
    ...code.matchAll(new RegExp(String.raw`\bfrom\s+(${PYTHON_MODULES})\s+import\s+([\w\s,()]{1,400})`, 'g')),
  ].slice(0, MAX_ALIASES)) {
    for (const item of (match[2] as string).replace(/[()]/g, '').split(',').slice(0, MAX_ALIASES)) {
      const [name, alias] = item.trim().split(/\s+as\s+/);
      if (name === undefined || !/^\w+$/.test(name)) continue;
      out = out.replace(new RegExp(String.raw`(?<![\w.])${alias ?? name}\s*\(`, 'g'), `${match[1]}.${name}(`);
    }
  }
  return out;
}

/** A PowerShell path as a shell word: `~`, `$HOME`, `$env:HOME`, `$env:USERPROFILE` are the home directory. */
function powershellPath(path: string): string {
  const home = /^(?:~|\$HOME|\$env:HOME|\$env:USERPROFILE)(?=[\\/]|$)/i.exec(path);
  // `C:\`, `C:\Windows`: a drive is judged as the root it is (`/`, `/Windows`).
  if (home === null && /^[A-Za-z]:(?:[\\/]|$)/.test(path))
    return shellWord([{ kind: 'text', text: `/${path.slice(2).replaceAll('\\', '/').replace(/^\/+/, '')}` }]);
  if (home === null) return shellWord([{ kind: 'text', text: path }]);
  const rest = path.slice(home[0].length).replaceAll('\\', '/');
  return shellWord(rest === '' ? [{ kind: 'home' }] : [{ kind: 'home' }, { kind: 'text', text: rest }]);
}

/** PowerShell: deletions, reads, download-and-invoke, and native commands in simple statements. */
function powershellScripts(code: string): string[] {
  const scripts: string[] = [];
  for (const raw of code.split(/[;\n|{}]|&&|\|\|/)) {
    const statement = raw.trim();
    const words = statement.match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
    const name = (words[0] ?? '').toLowerCase();
    const args = words.slice(1).map((word) => (/^(['"]).*\1$/.test(word) ? word.slice(1, -1) : word));
    if (/^(?:remove-item|ri|rm|del|erase|rd|rmdir)$/.test(name)) {
      const recursive = args.some((arg) => /^-r/i.test(arg));
      const paths = args
        .filter((arg, i) => !arg.startsWith('-') || /^-(?:literal)?path$/i.test(args[i - 1] ?? ''))
        .filter((arg) => !arg.startsWith('-'));
      for (const path of paths) scripts.push(`rm ${recursive ? '-rf' : '-f'} ${powershellPath(path)}`);
    } else if (/^(?:get-content|gc|cat|type)$/.test(name)) {
      for (const path of args.filter((arg) => !arg.startsWith('-'))) scripts.push(`cat ${powershellPath(path)}`);
    } else if (statement !== '' && !/[(){}`$@]/.test(statement) && !/^[a-z]+-[a-z]+$/.test(name)) {
      // A native command (`sudo …`, `git push -f …`): the shell reads it the same way.
      scripts.push(statement);
    }
  }
  if (scripts.length > MAX_CALLS)
    throw new ShellParseError(
      'E_SHELL_TOO_LARGE',
      `a PowerShell command holds more than ${MAX_CALLS} statements the guard reads`,
    );
  if (
    /\b(?:iex|invoke-expression)\b/i.test(code) &&
    /\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\.webclient|curl|wget)\b/i.test(
      code,
    )
  ) {
    scripts.push(`curl -s ${firstUrl(code)} | sh`);
  }
  return scripts;
}
