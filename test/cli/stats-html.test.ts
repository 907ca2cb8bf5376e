// `hookpack stats --html FILE`: a self-contained page, and telemetry that tries to be markup stays text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stats } from '../../cli/commands/stats.ts';
import { DECISION_COLOURS, MAX_POINTS } from '../../cli/stats/html-chart.ts';
import { cleanEnv, runCli, tempDir, writeFile } from './_helpers.ts';

const { dir, cleanup } = tempDir('stats-html');
afterAll(cleanup);
const project = join(dir, 'project');
writeFile(join(project, '.claude', 'settings.json'), '{}');
const now = Date.now();
const record = (i: number, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    ts: new Date(now - 3_600_000 + i * 1000).toISOString(),
    hook: 'bash-guard',
    event: 'PreToolUse',
    ms: 10 + (i % 7),
    exit: 0,
    decision: i % 5 === 0 ? 'deny' : 'none',
    cacheHits: 0,
    cacheMisses: 0,
    breakers: [],
    project,
    ...fields,
  });

/** A state directory holding `lines`, and the env that points at it. */
function state(name: string, lines: string[]): NodeJS.ProcessEnv {
  const env = cleanEnv(join(dir, name));
  writeFile(join(env.HOOKPACK_HOME as string, 'telemetry.jsonl'), `${lines.join('\n')}\n`);
  return env;
}

const TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'p',
  'b',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'section',
  'ul',
  'li',
  'span',
  'svg',
  'line',
  'text',
  'circle',
  'path',
  'rect',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'class',
  'viewBox',
  'width',
  'height',
  'role',
  'aria-label',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'd',
  'fill',
  'fill-opacity',
  'transform',
  'text-anchor',
  'dominant-baseline',
  'style',
]);

/** Every tag and attribute the page really has (text and quoted values skipped): what a browser would build. */
function markupOf(html: string): { unknownTags: string[]; unknownAttributes: string[] } {
  const unknownTags: string[] = [];
  const unknownAttributes: string[] = [];
  const body = html.replace(/<style>[^<]*<\/style>/, '<style></style>');
  for (const [, name = '', rest = ''] of body.matchAll(/<\/?([!a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!TAGS.has(name.toLowerCase())) unknownTags.push(name);
    const left = rest.replace(/\s([\w:-]+)="([^"]*)"/g, (_, attribute: string, value: string) => {
      if (!ATTRIBUTES.has(attribute) || (attribute === 'style' && !/^background:#[0-9a-f]{6}$/.test(value)))
        unknownAttributes.push(`${attribute}=${value}`);
      return '';
    });
    if (!/^\s*\/?\s*$/.test(left) && name.toLowerCase() !== '!doctype') unknownAttributes.push(left);
  }
  return { unknownTags, unknownAttributes };
}

const page = async (env: NodeJS.ProcessEnv, extra: string[] = []) => {
  const file = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
  const run = await runCli([stats], ['stats', '--html', file, ...extra], { cwd: project, env });
  expect(run.code).toBe(0);
  return { html: readFileSync(file, 'utf8'), run, file };
};

describe('hookpack stats --html', () => {
  it('writes one page with a chart and a decision bar per hook, and says where', async () => {
    const env = state('plain', [
      ...Array.from({ length: 40 }, (_, i) => record(i)),
      ...Array.from({ length: 10 }, (_, i) =>
        record(i, { hook: 'prompt-context', event: 'UserPromptSubmit', decision: 'context' }),
      ),
    ]);
    const { html, run, file } = await page(env);
    expect(run.stdout.replace(/\n  /g, ' ')).toContain(
      `wrote ${file}: each hook's latency over time and its decisions`,
    );
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html.match(/<circle /g)).toHaveLength(50);
    expect(html).toContain(`fill="${DECISION_COLOURS.deny}"`);
    expect(html).toContain(`fill="${DECISION_COLOURS.context}"`);
    expect(html).toContain('none <b>32</b>');
  });

  it('needs nothing from the network: no script, link, image, font, or URL', async () => {
    const { html } = await page(
      state(
        'offline',
        Array.from({ length: 5 }, (_, i) => record(i)),
      ),
    );
    for (const banned of [
      '<script',
      '<link',
      '<img',
      '<iframe',
      '@import',
      '@font-face',
      'url(',
      'http:',
      'https:',
      'src=',
      'href=',
    ])
      expect(html).not.toContain(banned);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('samples a busy hook instead of drawing every run, and says so', async () => {
    const { html } = await page(
      state(
        'busy',
        Array.from({ length: 5000 }, (_, i) => record(i)),
      ),
    );
    const dots = (html.match(/<circle /g) ?? []).length + (html.match(/<path d="M/g) ?? []).length;
    expect(dots).toBeLessThanOrEqual(MAX_POINTS);
    expect(html).toMatch(
      /showing [\d,]+ of 5,000 runs: every \d+th run and 750 that answered something other than none/,
    );
  });

  const hostile = [
    record(1, { hook: '<script>alert(1)</script>' }),
    record(2, { hook: '"><img src=x onerror=alert(2)>', decision: '</svg><script>alert(3)</script>' }),
    record(3, { event: "' onmouseover='alert(4)", decision: 'deny" style="x' }),
    record(4, { hook: 'ctl\u0001\u001b[31m', error: '</style><script>alert(5)</script>' }),
    record(5, { hook: 'a&b <i>not italic</i>' }),
  ];

  it('escapes every string from telemetry: names, events and decisions show as text, never as markup', async () => {
    const { html } = await page(state('hostile', hostile));
    expect(markupOf(html)).toEqual({ unknownTags: [], unknownAttributes: [] });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;/svg&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(html).toContain('a&amp;b &lt;i&gt;not italic&lt;/i&gt;');
    expect(html).toContain('ctl\ufffd\ufffd[31m');
    // An unknown decision is grey; its text never reaches an attribute.
    expect(html).not.toContain('style="x');
    // The page's own elements are all there is: as many <section>s as hooks, one <style>.
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<section>/g)).toHaveLength(5);
  });

  it.each([
    ['a missing directory', () => join(dir, 'no', 'such', 'dir', 'p.html')],
    ['a directory', () => dir],
  ])('refuses to write into %s with one line and exit 3', async (_, target) => {
    const path = target();
    const run = await runCli([stats], ['stats', '--html', path], { cwd: project, env: state('refuse', hostile) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      new RegExp(
        `^hookpack: cannot write \`--html\` ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(E[A-Z]+\\); name a file in a directory you can write\\n$`,
      ),
    );
  });

  it('writes the page to stdout for --html -, and refuses it beside --json', async () => {
    const env = state('stdout', hostile);
    const run = await runCli([stats], ['stats', '--html', '-'], { cwd: project, env });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!doctype html>')).toBe(true);
    const both = await runCli([stats], ['stats', '--html', '-', '--json'], { cwd: project, env });
    expect(both).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'hookpack: `--html -` and `--json` both write to stdout; give --html a file name\n',
    });
  });
});
