import { describe, expect, it } from 'vitest';
import { scanOptions } from '../../../lib/shell/options.ts';

describe('scanOptions reads arguments the way getopt does', () => {
  it('splits short clusters, long options and operands, anywhere in the line', () => {
    const scanned = scanOptions(['-rf', 'a', '--force', '--interactive=never', 'b']);
    expect([...scanned.short]).toEqual(['r', 'f']);
    expect(scanned.long).toEqual(['force', 'interactive']);
    expect(scanned.operands).toEqual(['a', 'b']);
  });

  it('gives value options their value, attached or in the next word', () => {
    const scanned = scanOptions(['-C', 'dir', '-cfoo=bar', '--git-dir', 'g', 'push'], {
      takesValue: new Set(['C', 'c', 'git-dir']),
    });
    expect(Object.fromEntries(scanned.values)).toEqual({ C: ['dir'], c: ['foo=bar'], 'git-dir': ['g'] });
    expect(scanned.operands).toEqual(['push']);
  });

  it('treats everything after -- as operands', () => {
    expect(scanOptions(['-f', '--', '-rf', '/']).operands).toEqual(['-rf', '/']);
  });

  it('stops at the first operand when asked, as wrappers need', () => {
    const scanned = scanOptions(['-u', 'root', 'rm', '-rf', '/'], { takesValue: new Set(['u']), stopAtOperand: true });
    expect(scanned.rest).toBe(2);
    expect(scanned.operands).toEqual(['rm', '-rf', '/']);
  });

  it('reads - alone as an operand', () => {
    expect(scanOptions(['-']).operands).toEqual(['-']);
  });
});
