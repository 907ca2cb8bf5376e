// Text edits on a parsed JSONC document that touch only the member added or removed. We use
// jsonc-parser's parser (node offsets) and applyEdits, but not its `modify`: with formatting
// options it re-formats every line the edit touches (another tool's one-line entry next to ours
// came out spread over ten lines), and without them it inserts one long line and, on removal,
// eats comments between siblings. Inserting and then removing a member gives the bytes back.
import type { Edit, Node } from './jsonc.ts';
import { renderJson, type TextStyle } from './style.ts';

const isEol = (char: string | undefined) => char === '\n' || char === '\r';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !isEol(text[i - 1])) i--;
  return i;
}

/** The leading whitespace of the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
}

/** Whether only spaces and tabs precede `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Skips spaces, tabs and comments that stay on this line; returns where something else starts. */
function skipInline(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text.startsWith('//', i)) {
      while (i < text.length && !isEol(text[i])) i++;
      return i;
    }
    const close = text.startsWith('/*', i) ? text.indexOf('*/', i + 2) : -1;
    if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return i;
    i = close + 2;
  }
}

/** Skips whitespace and comments, across lines; returns the offset of the next token. */
function skipTrivia(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('//', i)) {
      while (i < text.length && !isEol(text[i])) i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

const pastEol = (text: string, i: number) => (text.startsWith('\r\n', i) ? i + 2 : isEol(text[i]) ? i + 1 : i);
const end = (node: Node) => node.offset + node.length;
const closeOf = (container: Node) => end(container) - 1;

function memberText(key: string | undefined, value: unknown, indent: string, style: TextStyle | undefined): string {
  const prefix = key === undefined ? '' : `${JSON.stringify(key)}: `;
  return prefix + (style === undefined ? JSON.stringify(value) : renderJson(value, indent, style));
}

/**
 * Removes one member (a property node of an object, or an element of an array) and its comma.
 * A member on lines of its own goes with those lines; a container left empty becomes `{}`/`[]`.
 */
export function removeMember(text: string, member: Node): Edit[] {
  const container = member.parent;
  const siblings = container?.children ?? [];
  const k = siblings.indexOf(member);
  if (container === undefined || k < 0) throw new Error('removeMember: the node is not a member of its parent');
  const prev = siblings[k - 1];
  const next = siblings[k + 1];
  if (siblings.length === 1) {
    const inner = text.slice(container.offset + 1, closeOf(container));
    const rest = inner.slice(0, member.offset - container.offset - 1) + inner.slice(end(member) - container.offset - 1);
    if (/^[\s,]*$/.test(rest)) return [{ offset: container.offset + 1, length: inner.length, content: '' }];
  }
  if (startsLine(text, member.offset)) {
    let p = end(member);
    while (text[p] === ' ' || text[p] === '\t') p++;
    const ownComma = text[p] === ',';
    p = skipInline(text, ownComma ? p + 1 : p);
    if (p >= text.length || isEol(text[p])) {
      const from = lineStart(text, member.offset);
      const edits: Edit[] = [{ offset: from, length: pastEol(text, p) - from, content: '' }];
      if (!ownComma && next === undefined && prev !== undefined) {
        const comma = skipTrivia(text, end(prev));
        if (text[comma] === ',') edits.push({ offset: comma, length: 1, content: '' });
      }
      return edits;
    }
  }
  if (prev !== undefined) {
    const comma = skipTrivia(text, end(prev));
    return [{ offset: comma, length: end(member) - comma, content: '' }];
  }
  if (next !== undefined) return [{ offset: member.offset, length: next.offset - member.offset, content: '' }];
  return [{ offset: member.offset, length: end(member) - member.offset, content: '' }];
}

/**
 * Adds a member after the last one of an object (`key` given) or array: on a line of its own,
 * indented like its siblings, in a multi-line container; inline in a one-line container; an
 * empty container opens up onto its own lines.
 */
export function appendMember(
  text: string,
  container: Node,
  key: string | undefined,
  value: unknown,
  style: TextStyle,
): Edit[] {
  const close = closeOf(container);
  const base = indentOf(text, container.offset);
  const last = container.children?.at(-1);
  if (last === undefined) {
    const inner = text.slice(container.offset + 1, close);
    const indent = base + style.unit;
    if (inner.trim() === '')
      return [
        {
          offset: container.offset + 1,
          length: inner.length,
          content: style.eol + indent + memberText(key, value, indent, style) + style.eol + base,
        },
      ];
    // Only comments inside: keep them above the new member.
    if (startsLine(text, close))
      return [
        {
          offset: lineStart(text, close),
          length: 0,
          content: indent + memberText(key, value, indent, style) + style.eol,
        },
      ];
    return [{ offset: close, length: 0, content: ` ${memberText(key, value, '', undefined)} ` }];
  }
  const comma = skipTrivia(text, end(last));
  const trailingComma = text[comma] === ',';
  const anchor = trailingComma ? comma + 1 : end(last);
  const eolAt = skipInline(text, anchor);
  const multiLine = /[\r\n]/.test(text.slice(end(last), close)) && (eolAt >= text.length || isEol(text[eolAt]));
  if (!multiLine)
    return [
      { offset: anchor, length: 0, content: `${trailingComma ? ' ' : ', '}${memberText(key, value, '', undefined)}` },
    ];
  const indent = startsLine(text, last.offset) ? indentOf(text, last.offset) : base + style.unit;
  const edits: Edit[] = trailingComma ? [] : [{ offset: end(last), length: 0, content: ',' }];
  // After the last member's own trailing comment, so that comment stays with it.
  edits.push({
    offset: eolAt,
    length: 0,
    content: style.eol + indent + memberText(key, value, indent, style) + (trailingComma ? ',' : ''),
  });
  return edits;
}

/** Inserts an element into an array before the element now at `index` (which must exist). */
export function insertElementAt(text: string, array: Node, index: number, value: unknown, style: TextStyle): Edit[] {
  const target = array.children?.[index];
  if (target === undefined) throw new Error(`insertElementAt: no element ${index}`);
  if (!startsLine(text, target.offset))
    return [{ offset: target.offset, length: 0, content: `${memberText(undefined, value, '', undefined)}, ` }];
  const indent = indentOf(text, target.offset);
  return [
    {
      offset: lineStart(text, target.offset),
      length: 0,
      content: indent + memberText(undefined, value, indent, style) + ',' + style.eol,
    },
  ];
}
