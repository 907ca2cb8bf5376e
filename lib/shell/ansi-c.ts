/**
 * Decodes the body of a `$'…'` string (bash's ANSI-C quoting) and the escapes `echo`/`printf`
 * interpret, so `$'\x72\x6d'` is seen as `rm`.
 */
const SIMPLE: Record<string, string> = {
  a: '\u0007',
  b: '\b',
  e: '\u001b',
  E: '\u001b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function isHex(char: string): boolean {
  return (char >= '0' && char <= '9') || (char >= 'a' && char <= 'f') || (char >= 'A' && char <= 'F');
}

function readWhile(text: string, from: number, max: number, test: (char: string) => boolean): string {
  let end = from;
  while (end < text.length && end - from < max && test(text.charAt(end))) end += 1;
  return text.slice(from, end);
}

/** Decodes backslash escapes: `\n`, `\t`, `\xHH`, `\NNN` (octal), `\uHHHH`, `\UHHHHHHHH`, `\cX`… */
export function decodeEscapes(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const char = body.charAt(i);
    if (char !== '\\' || i + 1 >= body.length) {
      out += char;
      i += 1;
      continue;
    }
    const next = body.charAt(i + 1);
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const digits = readWhile(body, i + 2, next === 'x' ? 2 : next === 'u' ? 4 : 8, isHex);
      if (digits === '') {
        out += `\\${next}`;
      } else {
        const code = Number.parseInt(digits, 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      i += 2 + digits.length;
    } else if (next >= '0' && next <= '7') {
      const digits = readWhile(body, i + 1, 3, (c) => c >= '0' && c <= '7');
      out += String.fromCharCode(Number.parseInt(digits, 8) & 0xff);
      i += 1 + digits.length;
    } else if (next === 'c' && i + 2 < body.length) {
      out += String.fromCharCode(body.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      out += `\\${next}`;
      i += 2;
    }
  }
  return out;
}
