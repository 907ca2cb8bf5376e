// jsonc-parser's `main` is a UMD build whose require() calls sit inside a factory function, so
// esbuild cannot follow them and dist/cli.cjs would require('./impl/format') at run time (build.mjs
// rejects that). Its ESM build bundles cleanly; vitest inlines it (an esm/ folder under node_modules).
export {
  applyEdits,
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parse,
  parseTree,
  printParseErrorCode,
  visit,
} from 'jsonc-parser/lib/esm/main.js';
export type { Edit, JSONPath, Node, ParseError, ParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
