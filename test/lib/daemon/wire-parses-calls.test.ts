// The daemon's side of the client's wire format (lib/daemon/wire.ts): calls parse field by field,
// anything else is refused, replies never hold a NUL inside a field.
import { describe, expect, it } from 'vitest';
import { formatReply, parseRequest } from '../../../lib/daemon/wire.ts';

const call = (fields: string[], payload: string) => Buffer.from([...fields, payload].join('\0'));

describe('the warm wire format', () => {
  it('reads a call: bundle, stamp, start, cwd, the environment, the payload', () => {
    const parsed = parseRequest(
      call(
        ['HPK1', '/p/dist/on-PreToolUse.cjs', '1.000000001:10:7', '1700000000000.5', '/p', '2', 'A=1', 'B=x=y'],
        '{"a":1}',
      ),
    );
    expect(parsed).toEqual({
      kind: 'call',
      call: {
        bundle: '/p/dist/on-PreToolUse.cjs',
        stamp: '1.000000001:10:7',
        startMs: 1700000000000.5,
        cwd: '/p',
        env: { A: '1', B: 'x=y' },
        payload: '{"a":1}',
      },
    });
  });

  it.each([
    ['another magic', call(['HPK2', '/p/a.cjs', 's', '1', '/', '0'], '{}')],
    ['a relative bundle', call(['HPK1', 'a.cjs', 's', '1', '/', '0'], '{}')],
    ['a bundle that is not .cjs', call(['HPK1', '/bin/sh', 's', '1', '/', '0'], '{}')],
    ['fewer variables than announced', call(['HPK1', '/p/a.cjs', 's', '1', '/', '5', 'A=1'], '')],
    ['a start that is no number', call(['HPK1', '/p/a.cjs', 's', 'soon', '/', '0'], '{}')],
    ['garbage', Buffer.from('GET / HTTP/1.1\r\n\r\n')],
  ])('refuses %s', (_, data) => {
    expect(typeof parseRequest(data)).toBe('string');
  });

  it("reads an adopted-hooks call: the runner's arguments and the client's umask before the environment", () => {
    const parsed = parseRequest(
      call(
        ['HPKA', '/p/.claude/hookpack/adopt.cjs', 's', '1', '/p', '22', '2', 'settings.json', 'PreToolUse', '1', 'A=1'],
        '{}',
      ),
    );
    expect(parsed).toEqual({
      kind: 'call',
      call: {
        bundle: '/p/.claude/hookpack/adopt.cjs',
        stamp: 's',
        startMs: 1,
        cwd: '/p',
        env: { A: '1' },
        payload: '{}',
        adopted: { args: ['settings.json', 'PreToolUse'], umask: 0o22 },
      },
    });
  });

  it.each([
    ['a umask that is not octal', ['HPKA', '/p/adopt.cjs', 's', '1', '/', '9', '1', 'x', '0']],
    ['a umask that is no number', ['HPKA', '/p/adopt.cjs', 's', '1', '/', '', '1', 'x', '0']],
    ['no arguments', ['HPKA', '/p/adopt.cjs', 's', '1', '/', '22', '0', '0']],
    ['more arguments than a runner takes', ['HPKA', '/p/adopt.cjs', 's', '1', '/', '22', '9', ...'abcdefghi', '0']],
    ['fewer arguments than announced', ['HPKA', '/p/adopt.cjs', 's', '1', '/', '22', '3', 'a']],
    [
      'fewer variables than announced after the arguments',
      ['HPKA', '/p/adopt.cjs', 's', '1', '/', '22', '1', 'a', '4'],
    ],
  ])('refuses an adopted-hooks call with %s', (_, fields) => {
    expect(typeof parseRequest(call(fields, ''))).toBe('string');
  });

  it('reads status and stop requests', () => {
    expect(parseRequest(Buffer.from('HPK1-status'))).toEqual({ kind: 'status' });
    expect(parseRequest(Buffer.from('HPK1-stop'))).toEqual({ kind: 'stop' });
  });

  it('writes a reply as six fields each ended by a NUL, escaping a NUL a handler put in its text', () => {
    const text = formatReply({ exitCode: 2, stamp: 's', blockReason: 'r', stdout: '{"x":1}\n', stderr: 'a\0b\n' });
    expect(text.split('\0')).toEqual(['HPK1', '2', 's', 'r', '{"x":1}\n', 'a\\0b\n', '']);
  });
});
