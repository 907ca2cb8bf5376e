// The built CLI as a process, in its own HOME and state directory, over telemetry with torn,
// oversized, binary and hostile lines: `stats` counts what it skipped and keeps the terminal
// clean, and `stats --html` writes a page that a real headless browser (Debian's chromium)
// renders into a screenshot with the charts' colours in it. CI installs chromium (.ci/run) and
// sets HOOKPACK_REQUIRE_CHROMIUM=1, so there the test fails instead of skipping.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISION_COLOURS } from '../../cli/stats/html-chart.ts';
import { which } from '../../cli/doctor/which.ts';
import { buildCli, tempDir, writeFile } from './_helpers.ts';
import { countColour, decodePng, luminanceVariance } from './png.ts';

const { dir, cleanup } = tempDir('stats-screenshot');
afterAll(cleanup);
const project = join(dir, 'project');
const env = {
  PATH: process.env.PATH,
  HOME: join(dir, 'home'),
  HOOKPACK_HOME: join(dir, 'state'),
  XDG_CONFIG_HOME: join(dir, 'xdg-config'),
  XDG_CACHE_HOME: join(dir, 'xdg-cache'),
};
const chromium = ['chromium', 'chromium-browser']
  .map((name) => which(name, process.env.PATH))
  .find((path) => path !== undefined);
const required = process.env.HOOKPACK_REQUIRE_CHROMIUM === '1';
if (chromium === undefined && !required) {
  console.warn(
    'stats-html-screenshot: skipping the browser screenshot: no chromium on PATH (apt-get install -y chromium); CI installs it and runs this test',
  );
}
let cli: string;

const start = Date.now() - 2 * 3_600_000;
const record = (i: number, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    ts: new Date(start + i * 20_000).toISOString(),
    hook: 'bash-guard',
    event: 'PreToolUse',
    ms: 30 + (i % 11) * 3,
    exit: 0,
    decision: 'none',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
    project,
    ...fields,
  });

beforeAll(() => {
  cli = buildCli(join(dir, 'dist'));
  writeFile(join(project, '.claude', 'settings.json'), '{}');
  const lines: string[] = [];
  for (let i = 0; i < 240; i++) {
    lines.push(record(i, i % 4 === 0 ? { decision: 'deny' } : {}));
    lines.push(
      record(i, {
        hook: 'prompt-context',
        event: 'UserPromptSubmit',
        ms: 60 + (i % 13) * 4,
        decision: i % 3 === 0 ? 'none' : 'context',
      }),
    );
  }
  lines.push(record(1, { hook: '<script>alert(1)</script>\u001b[2J', decision: '"><img src=x onerror=alert(1)>' }));
  lines.push('{"ts":"2026-12-01T10:00:00.000Z","hook":"bash-gu'); // torn mid-write
  lines.push(
    `{"ts":"2026-12-01T10:00:00.000Z","hook":"${'x'.repeat(200_000)}","event":"Stop","ms":1,"exit":0,"decision":"none"}`,
  ); // oversized
  lines.push('\u0000\u0001\u0002 binary \uffff');
  lines.push(JSON.stringify({ ts: 'not a date', hook: 'h', event: 'Stop', ms: 1, exit: 0, decision: 'none' }));
  lines.push(
    JSON.stringify({ ts: new Date().toISOString(), hook: 'h', event: 'Stop', ms: '12', exit: 0, decision: 'none' }),
  );
  writeFile(join(env.HOOKPACK_HOME, 'telemetry.jsonl'), `${lines.join('\n')}\n{"ts":"2026`); // and a torn last line
});

const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: project, env, encoding: 'utf8' });

describe('hookpack stats (built CLI) over hostile telemetry', () => {
  it('counts the malformed lines, keeps escape sequences off the terminal, and writes the page', () => {
    const result = run(['stats', '--html', join(dir, 'page.html')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout.replace(/\n  /g, ' ');
    expect(out).toContain(
      `hookpack stats: 481 runs of ${project} from ${join(env.HOOKPACK_HOME, 'telemetry.jsonl')}; skipped 6 malformed lines`,
    );
    expect(out).not.toContain('\u001b');
    expect(out).toContain('<script>alert(1)</script>\ufffd[2J');
    expect(out).toContain(`wrote ${join(dir, 'page.html')}`);
    const html = readFileSync(join(dir, 'page.html'), 'utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.skipIf(chromium === undefined && !required)(
    'renders in headless chromium: a screenshot with the charts and decision colours, not a blank page',
    () => {
      expect(
        chromium,
        'HOOKPACK_REQUIRE_CHROMIUM=1 but no chromium on PATH: apt-get install -y chromium',
      ).toBeDefined();
      const page = join(dir, 'page.html');
      if (!existsSync(page)) writeFileSync(page, run(['stats', '--html', '-']).stdout);
      const shot = join(dir, 'shot.png');
      const browser = spawnSync(
        chromium as string,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--hide-scrollbars',
          '--no-first-run',
          '--disable-extensions',
          `--user-data-dir=${join(dir, 'chromium-profile')}`,
          // No network at all: the page must render from itself.
          '--host-resolver-rules=MAP * ~NOTFOUND',
          '--proxy-server=127.0.0.1:9',
          '--window-size=900,1300',
          `--screenshot=${shot}`,
          `file://${page}`,
        ],
        { env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(
        existsSync(shot),
        `chromium wrote no screenshot (exit ${browser.status}): ${browser.stderr.slice(-500)}`,
      ).toBe(true);
      const image = decodePng(readFileSync(shot));
      expect([image.width, image.height]).toEqual([900, 1300]);
      expect(luminanceVariance(image)).toBeGreaterThan(100);
      // The dots and decision bars are drawn in these colours; a page that failed to render has none.
      for (const decision of ['none', 'deny', 'context'] as const) {
        expect(
          countColour(image, DECISION_COLOURS[decision] as string),
          `pixels of ${decision} (${DECISION_COLOURS[decision]})`,
        ).toBeGreaterThan(200);
      }
    },
    90_000,
  );
});
