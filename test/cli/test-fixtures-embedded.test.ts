// `hookpack test` and `profile` carry the payload fixtures inside dist/cli.cjs (cli/fixtures.ts):
// every fixture file must be embedded, byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../lib/events.ts';
import { EVENT_FIXTURES, TOOL_FIXTURES } from '../../cli/fixtures.ts';
import { ROOT } from './_helpers.ts';

const fixtures = join(ROOT, 'cli', 'payloads');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe('the embedded fixtures', () => {
  it('hold one payload per event, for all 33 events', () => {
    expect(Object.keys(EVENT_FIXTURES).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('embed every cli/payloads/<Event>.json as it is (add an import to cli/fixtures.ts for a new one)', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
    expect(Object.keys(EVENT_FIXTURES).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    for (const file of files) expect(EVENT_FIXTURES[file.replace(/\.json$/, '')]).toEqual(read(join(fixtures, file)));
  });

  it('embed every cli/payloads/tools/<Tool>.PreToolUse.json, plus Bash', () => {
    const files = readdirSync(join(fixtures, 'tools')).filter((f) => f.endsWith('.PreToolUse.json'));
    expect(Object.keys(TOOL_FIXTURES).sort()).toEqual(
      ['Bash', ...files.map((f) => f.replace(/\.PreToolUse\.json$/, ''))].sort(),
    );
    for (const file of files)
      expect(TOOL_FIXTURES[file.replace(/\.PreToolUse\.json$/, '')]).toEqual(read(join(fixtures, 'tools', file)));
  });
});
