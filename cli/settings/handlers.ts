import { getNodeValue, type Node } from './jsonc.ts';

/** One handler of a settings file's `hooks`, with where it sits. */
/**
 * Handler fields that change whether or how its answer counts (hooks-protocol §2.4: an `async`
 * hook's answer is ignored, `if` can keep it from ever running, `shell` picks another
 * interpreter, `once` runs it a single time).
 */
export const WEAKENING_FIELDS = ['async', 'asyncRewake', 'if', 'shell', 'once'] as const;

export interface Handler {
  event: string;
  groupIndex: number;
  handlerIndex: number;
  /** The group's matcher; undefined when the key is absent. */
  matcher: unknown;
  type: unknown;
  command: unknown;
  timeout: unknown;
  /** Exec-form arguments (`command` is then only the executable). */
  args: unknown;
  /** The handler object's array node, for edits. */
  node: Node;
}

/** An event's array of matcher groups, or undefined when the event is absent. */
export interface EventArray {
  event: string;
  /** The `"Event": [...]` property node. */
  property: Node;
  /** The array node; undefined when the value is not an array (another tool's mistake; Claude Code skips it). */
  array: Node | undefined;
}

const propertyValue = (object: Node | undefined, key: string): Node | undefined =>
  object?.children?.findLast((p) => p.children?.[0]?.value === key)?.children?.[1];

/** The `hooks` object node of a settings document, if any. */
export function hooksObject(root: Node): Node | undefined {
  const hooks = propertyValue(root, 'hooks');
  return hooks?.type === 'object' ? hooks : undefined;
}

/** Each event key under `hooks`, in file order. */
export function eventArrays(root: Node): EventArray[] {
  return (hooksObject(root)?.children ?? []).flatMap((property) => {
    const key = property.children?.[0]?.value;
    const value = property.children?.[1];
    if (typeof key !== 'string' || value === undefined) return [];
    return [{ event: key, property, array: value.type === 'array' ? value : undefined }];
  });
}

/** Every handler object in every matcher group; malformed groups and handlers are skipped, not fatal. */
export function collectHandlers(root: Node): Handler[] {
  const handlers: Handler[] = [];
  for (const { event, array } of eventArrays(root)) {
    (array?.children ?? []).forEach((group, groupIndex) => {
      if (group.type !== 'object') return;
      const matcherNode = propertyValue(group, 'matcher');
      const inner = propertyValue(group, 'hooks');
      if (inner?.type !== 'array') return;
      (inner.children ?? []).forEach((node, handlerIndex) => {
        if (node.type !== 'object') return;
        const field = (key: string) => {
          const value = propertyValue(node, key);
          return value === undefined ? undefined : (getNodeValue(value) as unknown);
        };
        handlers.push({
          event,
          groupIndex,
          handlerIndex,
          matcher: matcherNode === undefined ? undefined : (getNodeValue(matcherNode) as unknown),
          type: field('type'),
          command: field('command'),
          timeout: field('timeout'),
          args: field('args'),
          node,
        });
      });
    });
  }
  return handlers;
}
