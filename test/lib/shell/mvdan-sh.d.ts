// mvdan-sh (devDependency, tests only): mvdan/sh's Go parser compiled to JS with GopherJS. It ships
// no types; the differential test reads its nodes loosely (test/lib/shell/_mvdan-oracle.ts).
declare module 'mvdan-sh' {
  export const syntax: any;
}
