import { collectHandlers, eventArrays, type Handler } from './handlers.ts';
import { bundleFileOf, ourBundleOf, type CommandContext } from './hook-command.ts';
import { getNodeValue, type Node } from './jsonc.ts';
import type { Manifest } from './manifest.ts';

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

/** How install, uninstall and list tell our commands from everyone else's, for one target. */
export function bundleOfFor(context: CommandContext, manifest: Manifest | undefined): BundleOf {
  return (command) => ourBundleOf(command, context, manifest);
}

/**
 * Handlers that run a `.cjs` file in this project's dist directory that is not a hookpack bundle
 * (a user's own `dist/notify.cjs`): left alone, and said so, since they look like ours.
 */
export function lookalikeNotes(
  root: Node,
  context: CommandContext,
  manifest: Manifest | undefined,
  label: string,
): string[] {
  return collectHandlers(root).flatMap((h) => {
    if (h.type !== 'command' || h.args !== undefined) return [];
    const file = bundleFileOf(h.command, context);
    if (file === undefined || ourBundleOf(h.command, context, manifest) !== undefined) return [];
    return [
      `left hooks.${h.event}[${h.groupIndex}].hooks[${h.handlerIndex}] in ${label} alone: it runs ${file} from the dist directory, but that is not a hookpack bundle (not in manifest.json, no build.mjs banner, no hooks/${file.replace(/\.cjs$/, '.ts')})`,
    ];
  });
}
