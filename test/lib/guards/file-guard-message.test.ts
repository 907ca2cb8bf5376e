import { describe, expect, it } from 'vitest';
import { denialMessage } from '../../../lib/guards/file-guard-message.ts';

const where = { cwd: '/home/ada/repo', home: '/home/ada' };

describe('denialMessage', () => {
  it('names the file relative to cwd, the rule and what to do instead', () => {
    expect(
      denialMessage(
        {
          rule: 'npm-lock',
          reason: 'lock files are generated; run `npm install`',
          operation: 'write',
          path: '/home/ada/repo/package-lock.json',
        },
        where,
      ),
    ).toBe(
      'file-guard blocked writing package-lock.json (rule "npm-lock"): lock files are generated; run `npm install`',
    );
  });

  it('shows a file in home as ~/…', () => {
    expect(
      denialMessage(
        { rule: 'cloud-credentials', reason: 'use the CLI', operation: 'read', path: '/home/ada/.aws/credentials' },
        where,
      ),
    ).toBe('file-guard blocked reading ~/.aws/credentials (rule "cloud-credentials"): use the CLI');
  });

  it('says where a symlink leads', () => {
    expect(
      denialMessage(
        {
          rule: 'env-files',
          reason: 'ask the user',
          operation: 'read',
          path: '/home/ada/repo/notes.txt',
          resolved: '/home/ada/repo/.env',
        },
        where,
      ),
    ).toBe('file-guard blocked reading notes.txt, a symlink to .env, (rule "env-files"): ask the user');
  });

  it('stays on one line whatever the file name or reason holds', () => {
    const message = denialMessage(
      { rule: 'x', reason: 'line one\n  line two', operation: 'write', path: '/home/ada/repo/evil\nname.env' },
      where,
    );
    expect(message).toBe('file-guard blocked writing "evil\\nname.env" (rule "x"): line one line two');
  });
});
