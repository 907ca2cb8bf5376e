import { expect, it } from 'vitest';
import { axisMax, renderSvg } from '../../bench/chart.mjs';

/** A tiny XML well-formedness check: balanced tags, quoted attributes, escaped text; returns the element names in order. */
function parseXml(text: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(chunk)) throw new Error(`unescaped & in text: ${chunk}`);
    if (chunk.includes('>')) throw new Error(`stray > in text: ${chunk}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(text);
    if (!m) throw new Error(`malformed tag at ${lt}: ${text.slice(lt, lt + 60)}`);
    const [, closing, name, , selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else {
      if (names.length > 0 && stack.length === 0) throw new Error(`<${name}> after the root element`);
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
    i = tag.lastIndex;
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
  return names;
}

const svg = renderSvg({
  budget: 1.2,
  subtitle: 'node v20 · <2 cores> & "noisy"',
  sections: [
    {
      title: 'baselines',
      rows: [
        { name: 'node -e 0', ratio: 1, medianMs: 35, section: 'baselines', baseline: true },
        { name: '/bin/true', ratio: 0.06, medianMs: 2, section: 'baselines' },
      ],
    },
    {
      title: "today's setup: <17> hooks & one bundle",
      rows: [
        { name: '17 processes at once', ratio: 9.4, medianMs: 330, section: 'seventeen' },
        { name: '1 bundle: on-PreToolUse.cjs', ratio: 1.1, medianMs: 39, section: 'seventeen', budget: 1.5 },
        { name: 'not measured', ratio: null },
      ],
    },
  ],
});

it('is one well-formed <svg> document', () => {
  const names = parseXml(svg.trim());
  expect(names[0]).toBe('svg');
  expect(names.filter((n) => n === 'svg')).toHaveLength(1);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
});

it('escapes names and titles', () => {
  expect(svg).toContain('today&apos;s setup: &lt;17&gt; hooks &amp; one bundle');
  expect(svg).toContain('&quot;noisy&quot;');
});

it('draws one bar per measured program, the 1.0 line and the budget line', () => {
  expect(svg.match(/<rect [^>]*rx="2"/g)).toHaveLength(4);
  expect(svg).toContain('1.0 = node -e 0');
  expect(svg).toContain('1.2x budget');
  expect(svg).toContain('9.40x · 330 ms'); // cut at the axis end, still labelled with its value
});

it('ends the axis on a 0.5 step, between 2 and the clip', () => {
  expect(axisMax([1.1, 1.3])).toBe(2);
  expect(axisMax([2.26])).toBe(2.5);
  expect(axisMax([9.4])).toBe(4);
  expect(axisMax([null, 1])).toBe(2);
});
