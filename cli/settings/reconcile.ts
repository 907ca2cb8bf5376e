import { CliError } from '../errors.ts';
import { eventArrays, hooksObject, WEAKENING_FIELDS, type EventArray, type Handler } from './handlers.ts';
import { appendMember, insertElementAt, removeMember } from './jsonc-edit.ts';
import {
  applyEdits,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  visit,
  type Edit,
  type JSONPath,
  type Node,
} from './jsonc.ts';
import { othersFingerprint, ourHandlers, type BundleOf, type OurHandler } from './ours.ts';
import type { Entry } from './plan.ts';
import { lineColumn } from './position.ts';
import { detectStyle, type TextStyle } from './style.ts';

/** What reconciling changed: the new text, and which of our handlers went, came and stayed. */
export interface Reconciled {
  text: string;
  changed: boolean;
  added: Entry[];
  removed: OurHandler[];
  kept: OurHandler[];
}

/** How to tell our handlers from everyone else's, and which events this run may touch. */
export interface ReconcileOptions {
  bundleOf: BundleOf;
  touches: (event: string) => boolean;
  /** Names the file in messages. */
  label: string;
  /** Whether an installed command equals a desired one (default: the same text). */
  sameCommand?: (installed: unknown, desired: string) => boolean;
}

/** Where removals go and where new groups go in. */
interface Plan {
  removals: JSONPath[];
  /** Per event: the index of the first matcher group removed, where new groups take its place. */
  insertAt: Map<string, number>;
}

const normalMatcher = (matcher: unknown) =>
  matcher === undefined || matcher === null || matcher === '' || matcher === '*' ? null : matcher;

function parse(text: string): Node {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root === undefined) throw new Error('settings text stopped parsing while editing it');
  return root;
}

/** Whether a comment sits inside a node: then we keep the node (emptied) rather than drop the comment with it. */
function holdsComment(text: string, node: Node): boolean {
  let found = false;
  visit(text, {
    onComment: (offset) => {
      if (offset > node.offset && offset < node.offset + node.length) found = true;
    },
  });
  return found;
}

/** The member node (property or element) at a path, for removal. */
function memberAt(root: Node, path: JSONPath): Node {
  const node = findNodeAtLocation(root, path);
  if (node === undefined) throw new Error(`no node at ${path.join('.')}`);
  return typeof path.at(-1) === 'string' && node.parent?.type === 'property' ? node.parent : node;
}

/** The settings group for one entry: its own matcher group, `matcher` omitted when it has none. */
function groupOf(entry: Entry): Record<string, unknown> {
  const handler = { type: 'command', command: entry.command, timeout: entry.timeout };
  return entry.matcher === null ? { hooks: [handler] } : { matcher: entry.matcher, hooks: [handler] };
}

/**
 * The removals for one event's stale handlers: a whole matcher group when every handler in it
 * goes, the whole event key when every group goes and nothing is added (unless a comment lives
 * there), else single handlers.
 */
function planEvent(text: string, slot: EventArray, going: OurHandler[], adding: boolean, plan: Plan): void {
  if (going.length === 0 || slot.array === undefined) return;
  const groups = slot.array.children ?? [];
  const goneGroups = groups.map((group, gi) => {
    const inner = group.children?.findLast((p) => p.children?.[0]?.value === 'hooks')?.children?.[1]?.children ?? [];
    const count = going.filter((h) => h.groupIndex === gi).length;
    return count > 0 && count === inner.length;
  });
  if (!adding && goneGroups.every(Boolean) && !holdsComment(text, slot.array)) {
    plan.removals.push(['hooks', slot.event]);
    return;
  }
  const first = goneGroups.indexOf(true);
  if (first >= 0) plan.insertAt.set(slot.event, first);
  groups.forEach((_, gi) => {
    if (goneGroups[gi]) plan.removals.push(['hooks', slot.event, gi]);
    else
      for (const h of going.filter((u) => u.groupIndex === gi))
        plan.removals.push(['hooks', slot.event, gi, 'hooks', h.handlerIndex]);
  });
}

/**
 * Applies the removals, last in the file first so earlier paths still hold. When every event key
 * goes, `hooks` goes instead (unless it holds a comment). A `"hooks": {}` or `"Event": []` that was
 * there before install can't be told from one install created, so it goes too (JSON-equal).
 */
function applyRemovals(text: string, root: Node, removals: JSONPath[], anyAdded: boolean): string {
  const arrays = eventArrays(root);
  const goneKeys = new Set(removals.filter((p) => p.length === 2).map((p) => p[1]));
  const hooks = hooksObject(root);
  if (
    !anyAdded &&
    hooks !== undefined &&
    arrays.length > 0 &&
    arrays.every((a) => goneKeys.has(a.event)) &&
    !holdsComment(text, hooks)
  ) {
    return applyEdits(text, removeMember(text, memberAt(root, ['hooks'])));
  }
  const order = (path: JSONPath) => [
    arrays.findIndex((a) => a.event === path[1]),
    ...path.slice(2).filter((p): p is number => typeof p === 'number'),
  ];
  const sorted = [...removals].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if ((x[i] ?? -1) !== (y[i] ?? -1)) return (y[i] ?? -1) - (x[i] ?? -1);
    return 0;
  });
  return sorted.reduce((next, path) => applyEdits(next, removeMember(next, memberAt(parse(next), path))), text);
}

/** Inserts the new groups: into a new `hooks`, a new event key, or the event's array at `insertAt`. */
function applyInsertions(text: string, added: Entry[], insertAt: Map<string, number>, style: TextStyle): string {
  const events = [...new Set(added.map((e) => e.event))];
  const groups = (event: string) => added.filter((e) => e.event === event).map(groupOf);
  if (events.length === 0) return text;
  let next = text;
  const apply = (edits: Edit[]) => {
    next = applyEdits(next, edits);
  };
  if (hooksObject(parse(next)) === undefined) {
    apply(
      appendMember(
        next,
        parse(next),
        'hooks',
        Object.fromEntries(events.map((event) => [event, groups(event)])),
        style,
      ),
    );
    return next;
  }
  for (const event of events) {
    if (findNodeAtLocation(parse(next), ['hooks', event]) === undefined) {
      const hooks = hooksObject(parse(next));
      if (hooks === undefined) throw new Error('the hooks object vanished while editing');
      apply(appendMember(next, hooks, event, groups(event), style));
      continue;
    }
    let index = insertAt.get(event) ?? Infinity;
    for (const value of groups(event)) {
      const array = findNodeAtLocation(parse(next), ['hooks', event]);
      if (array === undefined) throw new Error(`hooks.${event} vanished while editing`);
      apply(
        index < (array.children?.length ?? 0)
          ? insertElementAt(next, array, index, value, style)
          : appendMember(next, array, undefined, value, style),
      );
      index++;
    }
  }
  return next;
}

/**
 * On one of our handlers, WEAKENING_FIELDS can switch a guard off, so such an entry is never
 * "already right" and install writes it afresh. Other fields a user added (`statusMessage`) stay.
 */
/** The weakening fields a handler carries. */
export function weakeningFields(handler: Handler): string[] {
  const value = getNodeValue(handler.node) as Record<string, unknown> | undefined;
  return value !== null && typeof value === 'object' ? WEAKENING_FIELDS.filter((field) => field in value) : [];
}

/**
 * Edits a settings text so that, for every event `touches` admits, our handlers are exactly
 * `desired`: handlers already right stay byte for byte, stale ones go (with a matcher group, event
 * key or `hooks` key they leave empty), missing ones go in where the first removed group was, else
 * at the end. Nothing that isn't ours changes; that is checked before returning.
 */
export function reconcile(text: string, desired: Entry[], options: ReconcileOptions): Reconciled {
  const root = parse(text);
  const ours = ourHandlers(root, options.bundleOf);
  const events = [...new Set([...ours.map((h) => h.event), ...desired.map((e) => e.event)])].filter(options.touches);
  const arrays = eventArrays(root);
  const result: Reconciled = { text, changed: false, added: [], removed: [], kept: [] };
  const plan: Plan = { removals: [], insertAt: new Map() };
  for (const event of events) {
    const unmatched = new Set(ours.filter((h) => h.event === event));
    const adding: Entry[] = [];
    for (const entry of desired.filter((e) => e.event === event)) {
      const sameCommand = options.sameCommand ?? ((installed: unknown, desired: string) => installed === desired);
      const same = [...unmatched].find(
        (h) =>
          sameCommand(h.command, entry.command) &&
          h.timeout === entry.timeout &&
          normalMatcher(h.matcher) === entry.matcher &&
          weakeningFields(h).length === 0,
      );
      if (same === undefined) adding.push(entry);
      else {
        unmatched.delete(same);
        result.kept.push(same);
      }
    }
    result.added.push(...adding);
    result.removed.push(...unmatched);
    const slot = arrays.findLast((a) => a.event === event);
    if (adding.length > 0 && slot !== undefined && slot.array === undefined) {
      const value = slot.property.children?.[1];
      throw new CliError(
        'E_SETTINGS',
        `cannot use ${options.label}: ${lineColumn(text, value?.offset ?? slot.property.offset)}: \`hooks.${event}\` must be an array of matcher groups, found ${value?.type ?? 'nothing'}; fix the file by hand and run again; it was not changed`,
      );
    }
    if (slot !== undefined) planEvent(text, slot, [...unmatched], adding.length > 0, plan);
  }
  const removed = applyRemovals(text, root, plan.removals, result.added.length > 0);
  result.text = applyInsertions(removed, result.added, plan.insertAt, detectStyle(text));
  result.changed = result.text !== text;
  if (othersFingerprint(parse(result.text), options.bundleOf) !== othersFingerprint(root, options.bundleOf)) {
    throw new Error(
      `editing ${options.label} would have changed entries that are not hookpack's; nothing was written (please report this with the file)`,
    );
  }
  return result;
}
