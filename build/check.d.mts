// Types of check.mjs for the CLI (TypeScript), which bundles it.
export function checkBuild(options: {
  hooksDir: string;
  outDir: string;
  projectRoot: string;
  version: string;
  shortPath?: (file: string) => string;
}): string[];
