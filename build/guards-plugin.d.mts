// Types of guards-plugin.mjs for tests.
export const GUARDS_PLUGIN: string;
export const MARKETPLACE: string;
export function writeGuardsPlugin(options: { distDir: string; root?: string }): { dir: string; bytes: number };
