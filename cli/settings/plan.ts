import { CliError } from '../errors.ts';
import type { Manifest } from './manifest.ts';

/** How hooks become settings entries: one per hook, one per event (a bundle), or bundles where an event has several. */
export type Layout = 'auto' | 'per-event' | 'per-hook';

/** One handler hookpack wants in a settings file, in its own matcher group. */
export interface Entry {
  event: string;
  matcher: string | null;
  timeout: number;
  /** The bundle in dist/. */
  file: string;
  command: string;
  /** The hooks the bundle runs. */
  hooks: string[];
}

/**
 * The entries for the selected hooks, event by event in manifest order. A bundle runs every hook
 * of its event, so an event only gets one when all its hooks are selected.
 */
export function planEntries(
  manifest: Manifest,
  selected: ReadonlySet<string>,
  layout: Layout,
  command: (file: string, network: boolean, failClosed: boolean) => string,
): Entry[] {
  return manifest.events.flatMap((event): Entry[] => {
    const names = event.hooks.filter((name) => selected.has(name));
    if (names.length === 0) return [];
    const complete = names.length === event.hooks.length;
    if (layout === 'per-event' && !complete) {
      throw new CliError(
        'E_USAGE',
        `--per-event installs ${event.file}, which runs every ${event.event} hook (${event.hooks.join(', ')}), but only ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} selected; add the others to --hooks or drop --per-event`,
      );
    }
    if (complete && (layout === 'per-event' || (layout === 'auto' && names.length > 1))) {
      return [
        {
          event: event.event,
          matcher: event.matcher,
          timeout: event.timeout,
          file: event.file,
          command: command(event.file, event.network === true, event.onError === 'block'),
          hooks: [...event.hooks],
        },
      ];
    }
    return names.flatMap((name) => {
      const hook = manifest.hooks.find((h) => h.name === name);
      return hook === undefined
        ? []
        : [
            {
              event: hook.event,
              matcher: hook.matcher,
              timeout: hook.timeout,
              file: hook.file,
              command: command(hook.file, hook.network === true, hook.onError === 'block'),
              hooks: [name],
            },
          ];
    });
  });
}

/** The hooks a bundle file runs by the current manifest ([] for a file it no longer builds). */
export function hooksOfBundle(manifest: Manifest | undefined, file: string): string[] {
  const bundle = manifest?.events.find((e) => e.file === file);
  if (bundle !== undefined) return [...bundle.hooks];
  const hook = manifest?.hooks.find((h) => h.file === file);
  return hook === undefined ? [] : [hook.name];
}

/** `--hooks a,b` (or positional names), checked against the manifest; `all` only where allowed. */
export function parseHookNames(values: string[], manifest: Manifest, flag: string, allowAll = false): string[] {
  const names = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  const known = manifest.hooks.map((h) => h.name);
  const choices = `${known.join(', ') || '(none built)'}${allowAll ? ', or all' : ''}`;
  if (names.length === 0)
    throw new CliError('E_USAGE', `${flag} needs at least one hook name; built hooks: ${choices}`);
  for (const name of names) {
    if (name === 'all' && allowAll) continue;
    if (!known.includes(name))
      throw new CliError(
        'E_USAGE',
        `unknown hook \`${name}\` in ${flag}; built hooks: ${choices} (names come from dist/manifest.json: run npm run build after adding a hook)`,
      );
  }
  return names;
}
