// lib/shell's hand-written parser held to a reference: mvdan/sh (the parser behind shfmt, through
// the `mvdan-sh` devDependency; never in a bundle) parses every command of the bash-guard corpus
// (test/corpus/bash-guard/*.json) and every string in lib/shell's own tests, and the two must
// agree on the structure that matters to a guard: which words run as commands (and inside how many
// substitutions), their assignments, and every redirection (test/lib/shell/_mvdan-oracle.ts).
// Where they disagree, either lib/shell was fixed or bash is on our side: DISAGREEMENTS lists each
// such command with the reason, and an entry that no longer disagrees fails the test too.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShellParseError } from '../../../lib/shell/errors.ts';
import { parseScript } from '../../../lib/shell/script.ts';
import { summarizeMvdan, summarizeOurs, type Summary } from './_mvdan-oracle.ts';

type Kind = 'only-we-reject' | 'only-mvdan-rejects' | 'structure';

// Each reason was checked with `bash -n -c '<command>'` (GNU bash 5.2.15).
const BAD_SUBSTITUTION =
  'bash parses ${…} only when it expands it: bash -n accepts this, and running it fails with "bad substitution"; mvdan/sh refuses it while parsing. lib/shell keeps the expansion as written, as bash\'s parser does';
const HEREDOC_AT_EOF =
  'a here-document without its closing line ends at the end of input in bash (a warning; bash -n exits 0); mvdan/sh refuses it. lib/shell reads it as bash does';
const ARITHMETIC =
  '((…)) is arithmetic in bash but two nested subshells in dash, which sh -c runs on Debian: lib/shell also parses its inside as commands, speculatively (a syntax error there is ignored), so ((rm -rf /)) is seen either way';

/** Commands where lib/shell and mvdan/sh disagree, and why lib/shell's reading stands. */
const DISAGREEMENTS: ReadonlyArray<{ command: string; kind: Kind; why: string }> = [
  { command: 'node -e "console.log(`v${Date.now()}`)"', kind: 'only-mvdan-rejects', why: BAD_SUBSTITUTION },
  { command: 'v${Date.now()}', kind: 'only-mvdan-rejects', why: BAD_SUBSTITUTION },
  { command: '${a.b}', kind: 'only-mvdan-rejects', why: BAD_SUBSTITUTION },
  { command: '${}', kind: 'only-mvdan-rejects', why: BAD_SUBSTITUTION },
  { command: 'unterminated ${ … }', kind: 'only-mvdan-rejects', why: BAD_SUBSTITUTION },
  { command: "<<'EOF'", kind: 'only-mvdan-rejects', why: HEREDOC_AT_EOF },
  { command: '<<"EOF"', kind: 'only-mvdan-rejects', why: HEREDOC_AT_EOF },
  { command: '<<\\EOF', kind: 'only-mvdan-rejects', why: HEREDOC_AT_EOF },
  { command: '<<E"O"F', kind: 'only-mvdan-rejects', why: HEREDOC_AT_EOF },
  { command: 'cat <<EOF\nno end', kind: 'only-mvdan-rejects', why: HEREDOC_AT_EOF },
  {
    command: 'does not take << inside arithmetic for a here-document',
    kind: 'only-mvdan-rejects',
    why: HEREDOC_AT_EOF,
  },
  { command: '(( x = 1 << 2 ))', kind: 'structure', why: ARITHMETIC },
  { command: 'for ((i = 0; i < 3; i++)); do a; done', kind: 'structure', why: ARITHMETIC },
  { command: '(( x++ )) && a', kind: 'structure', why: ARITHMETIC },
  { command: '((rm -rf /))', kind: 'only-mvdan-rejects', why: `${ARITHMETIC} (bash -n accepts it too)` },
  {
    command: '((a) ; b)',
    kind: 'only-mvdan-rejects',
    why: 'bash reads ((a) ; b) as nested subshells once its arithmetic reading fails (bash -n accepts it); mvdan/sh refuses it. lib/shell does as bash',
  },
  {
    command: '`echo \\`date\\``',
    kind: 'structure',
    why: "inside escaped backquotes mvdan/sh's span of the inner substitution keeps the escaping backslash (`date\\`); both read echo running date's output, and lib/shell's word `date` is the one bash expands",
  },
  {
    command: 'arr=(a "b c") cmd',
    kind: 'only-mvdan-rejects',
    why: 'bash -n accepts an array assignment before a command; mvdan/sh refuses it ("inline variables cannot be arrays"). lib/shell reads it as bash does',
  },
  {
    command: 'expected `]]`',
    kind: 'only-mvdan-rejects',
    why: ']] is a reserved word only inside [[ … ]], so in backquotes it is a command name (bash -n accepts); mvdan/sh refuses it. lib/shell reads it as bash does',
  },
  {
    command: 'coproc',
    kind: 'only-mvdan-rejects',
    why: 'bash refuses a bare coproc too; lib/shell reads it as a command named coproc that wraps nothing. Nothing runs either way, so no verdict can be wrong in the unsafe direction',
  },
  {
    command: '$(echo ")")',
    kind: 'only-we-reject',
    why: "not bash's reading: lib/shell parses what an echo prints into command position as code (so `$(echo rm) -rf /` is judged as rm), where bash only splits it into words (here the command `)`); the printed `)` is a syntax error, so bash-guard denies this valid command as unparseable. A false alarm on a command nobody writes, kept for what the reading catches",
  },
  { command: "$(echo ')')", kind: 'only-we-reject', why: 'the same as $(echo ")") above' },
];

const corpusDir = fileURLToPath(new URL('../../corpus/bash-guard/', import.meta.url));
const shellTestsDir = fileURLToPath(new URL('./', import.meta.url));

function corpusCommands(): string[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) =>
      (JSON.parse(readFileSync(corpusDir + name, 'utf8')) as Array<{ command: string }>).map((item) => item.command),
    );
}

/** Every plain string literal in lib/shell's tests: the inputs of their tables (and some names, which parse as commands too). */
function shellTestStrings(): string[] {
  const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g;
  const strings: string[] = [];
  for (const name of readdirSync(shellTestsDir).filter(
    (file) => file.endsWith('.test.ts') && file !== 'parser-differential.test.ts',
  )) {
    for (const match of readFileSync(shellTestsDir + name, 'utf8').matchAll(literal)) {
      // A JS string literal, matched whole by the pattern above: evaluating it only decodes escapes.
      const value = new Function(`return ${match[0]};`)() as string;
      if (value.trim() !== '') strings.push(value);
    }
  }
  return strings;
}

interface Disagreement {
  command: string;
  kind: Kind;
  ours: Summary | string;
  mvdan: Summary | string;
}

function compare(command: string): Disagreement | undefined {
  let ours: Summary | { error: string };
  try {
    ours = summarizeOurs(parseScript(command));
  } catch (error) {
    if (!(error instanceof ShellParseError)) throw error;
    if (error.code !== 'E_SHELL_SYNTAX') return undefined; // a cap, not a reading of the syntax
    ours = { error: error.message };
  }
  const mvdan = summarizeMvdan(command);
  const oursFailed = 'error' in ours;
  const mvdanFailed = 'error' in mvdan;
  if (oursFailed && mvdanFailed) return undefined;
  const show = (s: Summary | { error: string }) => ('error' in s ? `error: ${s.error}` : s);
  if (oursFailed || mvdanFailed)
    return {
      command,
      kind: oursFailed ? 'only-we-reject' : 'only-mvdan-rejects',
      ours: show(ours),
      mvdan: show(mvdan),
    };
  if (JSON.stringify(ours) === JSON.stringify(mvdan)) return undefined;
  return { command, kind: 'structure', ours: show(ours), mvdan: show(mvdan) };
}

describe('lib/shell against mvdan/sh', () => {
  const commands = [...new Set([...corpusCommands(), ...shellTestStrings()])];
  // Compared by the first test that needs it, not while the file is collected: vitest starts the
  // files whose tests took longest first, and seconds spent collecting count for none, so this
  // file ran last, alone on one worker for ~8 s after the others had finished.
  let found: Disagreement[] | undefined;
  const disagreements = () => (found ??= commands.map(compare).filter((d): d is Disagreement => d !== undefined));
  // ~6 s of CPU on two quiet cores: room for a loaded machine.
  const COMPARING = { timeout: 120_000 };

  it(
    'reads every corpus command and parser test input as mvdan/sh does, or the difference is explained',
    COMPARING,
    () => {
      expect(commands.length).toBeGreaterThan(600);
      const explained = new Set(DISAGREEMENTS.map((d) => `${d.kind}\u0000${d.command}`));
      expect(disagreements().filter((d) => !explained.has(`${d.kind}\u0000${d.command}`))).toEqual([]);
    },
  );

  it('lists no explained disagreement that has gone away', COMPARING, () => {
    const current = new Set(disagreements().map((d) => `${d.kind}\u0000${d.command}`));
    expect(DISAGREEMENTS.filter((d) => !current.has(`${d.kind}\u0000${d.command}`)).map((d) => d.command)).toEqual([]);
  });
});
