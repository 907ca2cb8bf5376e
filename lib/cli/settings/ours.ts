import { collectHandlers, eventArrays, type Handler } from './handlers.ts';
import { getNodeValue, type Node } from './jsonc.ts';

/** A handler hookpack wrote, and the bundle it runs. */
export interface OurHandler extends Handler {
  file: string;
}

/** Tells our commands from everyone else's: the bundle file when the command is ours. */
export type BundleOf = (command: unknown) => string | undefined;

/** Our handlers in a parsed document: shell-form command hooks whose command runs one of our bundles. */
export function ourHandlers(root: Node, bundleOf: BundleOf): OurHandler[] {
  return collectHandlers(root).flatMap((h) => {
    const file = h.type === 'command' && h.args === undefined ? bundleOf(h.command) : undefined;
    return file === undefined ? [] : [{ ...h, file }];
  });
}

/**
 * Everything in a document that is not ours, in order (settings other than `hooks`, every other
 * handler with its event and matcher, malformed event values): an edit must leave it equal.
 */
export function othersFingerprint(root: Node, bundleOf: BundleOf): string {
  const { hooks: _hooks, ...rest } = getNodeValue(root) as Record<string, unknown>;
  const ours = new Set(ourHandlers(root, bundleOf).map((h) => h.node));
  const others = collectHandlers(root)
    .filter((h) => !ours.has(h.node))
    .map((h) => [h.event, h.matcher, getNodeValue(h.node) as unknown]);
  const malformed = eventArrays(root)
    .filter((e) => e.array === undefined)
    .map((e) => [e.event, getNodeValue(e.property) as unknown]);
  return JSON.stringify([rest, others, malformed]);
}
