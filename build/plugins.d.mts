// Types of plugins.mjs for the CLI (TypeScript), which bundles it, and for tests.
export const PLUGIN_MARK: string;
export interface PluginEvent {
  event: string;
  hooks: string[];
  matcher: string | null;
  timeout: number;
  onError: 'block' | 'allow';
  network: boolean;
  file: string;
}
export interface PluginSpec {
  name: string;
  version: string;
  description: string;
  author: { name: string };
  keywords?: string[];
  license?: string;
  hookpackVersion: string;
  source: string;
}
export interface MarketplaceEntry {
  name: string;
  source: string;
  description: string;
}
export interface MarketplaceDefaults {
  name: string;
  owner: { name: string };
  description: string;
}
export function pluginNameProblem(name: unknown): string | undefined;
export function pluginHookCommand(file: string, how: { network: boolean; failClosed: boolean }): string;
export function manifestEvents(manifest: unknown): PluginEvent[];
export function pluginHooksJson(
  events: PluginEvent[],
  description: string,
): { description: string; hooks: Record<string, unknown[]> };
export function pluginJson(spec: PluginSpec): Record<string, unknown>;
export function pluginReadme(spec: PluginSpec, events: PluginEvent[]): string;
export function isGeneratedPlugin(dir: string): boolean;
export function writePlugin(options: { dir: string; distDir: string; spec: PluginSpec; events: PluginEvent[] }): {
  files: string[];
  bytes: number;
};
export function marketplaceWith(
  existing: unknown,
  defaults: MarketplaceDefaults,
  entry: MarketplaceEntry,
): Record<string, unknown> & { plugins: Array<Record<string, unknown>> };
export function writeMarketplace(
  root: string,
  defaults: MarketplaceDefaults,
  entry: MarketplaceEntry,
  options?: { fresh?: boolean },
): string;
export function contentVersion(base: string, distDir: string, events: PluginEvent[]): string;
