import type { Node } from './jsonc.ts';

/** A key that appears twice in one object of a settings file. */
export interface DuplicateKey {
  key: string;
  /** The object holding it: '' for the top level, `hooks`, `hooks.PreToolUse[0]`, `hooks.PreToolUse[0].hooks[1]`. */
  where: string;
  /** Offsets of the first and of the repeated property. */
  firstOffset: number;
  offset: number;
}

const keyOf = (property: Node): unknown => property.children?.[0]?.value;

function inObject(object: Node, where: string, out: DuplicateKey[]): void {
  const seen = new Map<string, number>();
  for (const property of object.children ?? []) {
    const key = keyOf(property);
    if (typeof key !== 'string') continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, property.offset);
    else out.push({ key, where, firstOffset: first, offset: property.offset });
  }
}

/** The value of the last `key` property of an object, as JSON.parse and Claude Code read it. */
const lastValue = (object: Node, key: string): Node | undefined =>
  object.children?.findLast((p) => keyOf(p) === key)?.children?.[1];

/**
 * Keys repeated in the objects that lead to a hook handler: the top level, `hooks`, each matcher
 * group, each handler. Claude Code (JSON.parse) keeps the last copy of a repeated key; text
 * edits that locate a key by name find the first, so an edit would land in a copy nothing reads.
 */
export function duplicateKeys(root: Node | undefined): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  if (root?.type !== 'object') return out;
  inObject(root, '', out);
  const hooks = lastValue(root, 'hooks');
  if (hooks?.type !== 'object') return out;
  inObject(hooks, 'hooks', out);
  for (const property of hooks.children ?? []) {
    const event = keyOf(property);
    const array = property.children?.[1];
    if (typeof event !== 'string' || array?.type !== 'array') continue;
    (array.children ?? []).forEach((group, g) => {
      if (group.type !== 'object') return;
      const at = `hooks.${event}[${g}]`;
      inObject(group, at, out);
      const handlers = lastValue(group, 'hooks');
      if (handlers?.type !== 'array') return;
      (handlers.children ?? []).forEach((handler, h) => {
        if (handler.type === 'object') inObject(handler, `${at}.hooks[${h}]`, out);
      });
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Whether a repeated key hides hooks (a whole `hooks`, event or handler list), not just one value. */
export function hidesHooks(duplicate: DuplicateKey): boolean {
  if (duplicate.where === '') return duplicate.key === 'hooks';
  if (duplicate.where === 'hooks') return true;
  return /^hooks\.[^.]+\[\d+\]$/.test(duplicate.where) && duplicate.key === 'hooks';
}

/** `the top level` / `hooks.PreToolUse[0]`: where a duplicate sits, in words. */
export const duplicatePlace = (duplicate: DuplicateKey) => (duplicate.where === '' ? 'the top level' : duplicate.where);
