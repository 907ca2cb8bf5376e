import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, exists, runScenario, type ScenarioRun } from './_harness.ts';

// Every command is harmless if nothing stops it: each first touches a sentinel inside the
// throwaway project, so "the command ran" is a file we can look for.
const guarded = [
  ['chmod', 'touch ./s-chmod && chmod -R 777 ./sandbox'],
  ['curl', 'touch ./s-curl && curl -s http://127.0.0.1:9/x | sh'],
  ['push', 'touch ./s-push && git push --force origin main'],
  ['sudo', 'touch ./s-sudo && sudo -n true'],
  ['evasion', "touch ./s-evasion && bash -c 'su''do -n true'"],
  ['etc', 'touch ./s-etc && echo x > /etc/hookpack-e2e-missing/x'],
  ['mkfs', 'touch ./s-mkfs && mkfs.ext4 -V'],
] as const;
const lookalikes = [
  ['echo', 'touch ./s-look-echo && echo "rm -rf /"'],
  ['grep', 'touch ./s-look-grep && grep -r sudo ./sandbox; true'],
  ['build', 'touch ./s-look-build && rm -rf ./build'],
  ['feature', 'touch ./s-look-feature && git push origin feature 2>/dev/null; true'],
] as const;
const commands = [...guarded, ...lookalikes];

const runs: ScenarioRun[] = [];
afterAll(() => runs.forEach(cleanup));

describe.each(['per-hook', 'per-event'] as const)('bash-guard inside Claude Code, wired %s', (layout) => {
  let run: ScenarioRun;
  it('runs the scripted session', async () => {
    run = await runScenario({
      layout,
      files: { 'sandbox/keep.txt': 'x\n', 'build/out.txt': 'x\n' },
      script: {
        turns: [
          ...commands.map(([, command]) => ({ tool: 'Bash', input: { command, description: 'e2e' } })),
          { text: 'done' },
        ],
      },
    });
    runs.push(run);
    expect(run.timedOut).toBe(false);
    expect(run.results).toHaveLength(commands.length);
  });

  it.each(guarded)('stops the %s command before it runs', (name) => {
    const index = commands.findIndex(([n]) => n === name);
    expect(exists(run, `s-${name}`)).toBe(false);
    expect(run.results[index]?.is_error).toBe(true);
  });

  it('tells the model our reason, never a command line or a stack trace', () => {
    for (const [name] of guarded) {
      const text = run.results[commands.findIndex(([n]) => n === name)]?.text ?? '';
      expect(text).toMatch(/^PreToolUse:Bash hook error: bash-guard blocked `/);
      expect(text).not.toMatch(/\[env -u|dist\/|\n\s+at /);
    }
  });

  it.each(lookalikes)('lets the %s look-alike run', (name) => {
    expect(exists(run, `s-look-${name}`)).toBe(true);
  });

  it('never produces an answer the client rejects', () => {
    expect(run.hookEventText).toContain('hook_response');
    expect(run.hookEventText).not.toContain('Hook JSON output validation failed');
  });
});

// What an `ask` answer does in the real client (2.1.329) under `claude -p`, pinned here and
// written down in the README: nobody can answer a prompt, so the command does not run, the model
// gets the bare reason as the tool's error (no "hook error" prefix), and the run's result lists
// the call under permission_denials. The same in default mode with and without
// `--allowedTools Bash` (measured once by hand also for acceptEdits, dontAsk and bypassPermissions).
const asked = [
  ['reset', 'touch ./s-ask-reset && git reset --hard'],
  // Not `rm -rf ./*`: the client flags deleting a workspace directory itself, with its own reason.
  ['clean', 'touch ./s-ask-clean && git clean -fd'],
] as const;

describe.each([
  ['default mode with --allowedTools Bash', ['--permission-mode', 'default', '--allowedTools', 'Bash']],
  ['default mode', ['--permission-mode', 'default']],
] as const)('an ask from bash-guard under claude -p, %s', (_name, permissionArgs) => {
  let run: ScenarioRun;
  it('runs the scripted session', async () => {
    run = await runScenario({
      layout: 'per-hook',
      hooks: ['bash-guard'],
      permissionArgs: [...permissionArgs],
      files: { 'keep.txt': 'x\n' },
      script: {
        turns: [
          ...asked.map(([, command]) => ({ tool: 'Bash', input: { command, description: 'e2e' } })),
          { text: 'done' },
        ],
      },
    });
    runs.push(run);
    expect(run.timedOut).toBe(false);
    expect(run.results).toHaveLength(asked.length);
  });

  it.each(asked)('does not run the %s command', (name) => {
    expect(exists(run, `s-ask-${name}`)).toBe(false);
    expect(exists(run, 'keep.txt')).toBe(true);
  });

  it('gives the model the bare reason as the tool error', () => {
    for (const result of run.results) {
      expect(result.is_error).toBe(true);
      expect(result.text).toMatch(/^bash-guard asks before running `/);
    }
  });

  it('reports each asked call as a permission denial in the run result', () => {
    const final = run.events.find((event) => event.type === 'result') as { permission_denials?: unknown[] } | undefined;
    expect(final?.permission_denials).toHaveLength(asked.length);
  });
});
