// How install and uninstall tell their entries from everyone else's: the command must be
// `node <bundle>` with the bundle directly in this project's dist directory.
import { describe, expect, it } from 'vitest';
import { bundleFileOf, hookCommand, type CommandContext } from '../../cli/settings/hook-command.ts';

const project: CommandContext = { scope: 'project', projectDir: '/home/u/proj', distDir: '/home/u/proj/dist' };
const user: CommandContext = { ...project, scope: 'user' };

describe('hookCommand', () => {
  it('uses $CLAUDE_PROJECT_DIR in project and local settings and an absolute sh-quoted path in user settings', () => {
    expect(hookCommand('bash-guard.cjs', project)).toBe(
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs',
    );
    expect(hookCommand('bash-guard.cjs', { ...project, scope: 'local' })).toBe(
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs',
    );
    expect(hookCommand('bash-guard.cjs', user)).toBe(
      "env -u NODE_EXTRA_CA_CERTS node '/home/u/proj/dist/bash-guard.cjs'",
    );
    expect(hookCommand('x.cjs', { ...project, distDir: '/elsewhere/dist' })).toBe(
      "env -u NODE_EXTRA_CA_CERTS node '/elsewhere/dist/x.cjs'",
    );
    expect(hookCommand('x.cjs', { ...project, distDir: '/home/u/proj/build out' })).toBe(
      `env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/'build out/x.cjs'`,
    );
  });
});

describe('bundleFileOf', () => {
  it.each([
    ['node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', project, 'bash-guard.cjs'],
    ['node "${CLAUDE_PROJECT_DIR}/dist/on-PreToolUse.cjs"', project, 'on-PreToolUse.cjs'],
    ['node $CLAUDE_PROJECT_DIR/dist/x.cjs', project, 'x.cjs'],
    ['env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', project, 'bash-guard.cjs'],
    ["node '/home/u/proj/dist/bash-guard.cjs'", user, 'bash-guard.cjs'],
    ['node /home/u/proj/dist/bash-guard.cjs', project, 'bash-guard.cjs'],
    ['/usr/local/bin/node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', project, 'bash-guard.cjs'],
  ])('recognises %s', (command, context, file) => {
    expect(bundleFileOf(command, context)).toBe(file);
  });

  it.each([
    ["another project's dist", 'node /home/u/other/dist/bash-guard.cjs', project],
    ['a subdirectory of dist', 'node "$CLAUDE_PROJECT_DIR"/dist/sub/bash-guard.cjs', project],
    ['the CLI itself', 'node "$CLAUDE_PROJECT_DIR"/dist/cli.cjs', project],
    ['a non-bundle file', 'node "$CLAUDE_PROJECT_DIR"/dist/x.js', project],
    ['extra arguments', 'node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs --verbose', project],
    ['a pipeline', 'node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs | tee log', project],
    ['a list', 'cd /tmp && node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', project],
    ['another runner', 'bun "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', project],
    ['another variable', 'node "$HOME"/proj/dist/bash-guard.cjs', project],
    ['$CLAUDE_PROJECT_DIR in user settings (any project)', 'node "$CLAUDE_PROJECT_DIR"/dist/bash-guard.cjs', user],
    ['a relative path', 'node dist/bash-guard.cjs', project],
    ['not a string', 42, project],
  ])('leaves %s alone', (_name, command, context) => {
    expect(bundleFileOf(command, context)).toBeUndefined();
  });
});

describe('hookCommand and NODE_EXTRA_CA_CERTS', () => {
  const context = { scope: 'project' as const, projectDir: '/home/u/proj', distDir: '/home/u/proj/dist' };
  it('starts a hook without network use with the variable removed', () => {
    expect(hookCommand('a.cjs', context, false, false)).toBe(
      'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/a.cjs',
    );
  });
  it('keeps the variable for a hook that declares network use (it may need the proxy CA)', () => {
    expect(hookCommand('a.cjs', context, true, false)).toBe('node "$CLAUDE_PROJECT_DIR"/dist/a.cjs');
  });
  it('writes the same command whatever platform installs it: a Windows teammate must not write a guard that fails open', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      expect(hookCommand('a.cjs', context, false, true)).toBe(
        'env -u NODE_EXTRA_CA_CERTS node "$CLAUDE_PROJECT_DIR"/dist/a.cjs || exit 2',
      );
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });
});
