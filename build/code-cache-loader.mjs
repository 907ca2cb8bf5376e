// @ts-check
// The V8 code-cache loader every bundle is wrapped in. The first start compiles the bundle as
// usual and, at exit, stores V8's compiled code (including the functions that run used) in
// `$HOOKPACK_HOME/code-cache/`; later starts deserialise instead of compiling. Measured on every
// bundle we ship (README "Performance"): 1-3 ms, 4-13 % of a start. A cache file is compiled
// code, so a planted one is planted code: it is only read from and written to a directory that
// passes the state directory's checks (lib/home.ts: ours, not group/other-writable, reached
// through no link another user owns, resolved once), and the file itself is checked on its open
// descriptor. V8 rejects data made for other source or another node; `HOOKPACK_CODE_CACHE=0`
// turns it off. `codeCacheLoaderMain` below is real, type-checked code: the build embeds its
// source text (Function.prototype.toString), so it may use nothing from outside its own body.
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';

/** Breaks up `/*` and `*\/` in the code: it is ASCII and holds no \x01, so deleting every \x01 restores it. */
export const COMMENT_ESCAPE = '\x01';

/**
 * Runs in the bundle, not here: loads the bundle's code through a V8 code cache.
 * @param {string} prefixName the bundle's name, the start of its cache files' names
 * @param {string} key a hash of the bundle's code
 * @param {string | null} source the script (a function expression wrapping the CommonJS module
 *   body), or null: it is the comment at the end of this file (`/*`, `*\/` broken up by \x01)
 * @param {{ filename: string, exports: unknown, require: NodeJS.Require, module: NodeJS.Module, dirname: string }} self
 * @param {boolean} failClosed the bundle holds a hook that fails closed: a damaged file blocks (exit 2)
 * @param {Record<string, [string, string | null]>} [chunks] the bundle's lazily loaded chunks
 *   (build/lazy-chunks.mjs): name → [key, source or null], each a comment of its own after the
 *   main one, compiled through a code cache of its own the first time the code asks for it
 */
export function codeCacheLoaderMain(prefixName, key, source, self, failClosed, chunks) {
  const fs = require('node:fs');
  const { Script } = require('node:vm');
  const env = process.env;
  // A comment costs V8 a fast skip where a string literal costs a scan, a copy and a hash of
  // every character (hook start, measured). The file is read again (the page cache has it) and
  // the code is what the comment after the loader holds, with every \x01 deleted.
  let text = '';
  if (source === null) {
    const fd = fs.openSync(self.filename, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.allocUnsafe(size);
      let got = 0;
      for (let n = 1; got < size && n > 0; got += n) n = fs.readSync(fd, buffer, got, size - got, got);
      // Buffer's own latin1Slice (Node 20-24), as lib/runtime/stdin.ts uses utf8Slice: with
      // neither calling toString, its encoding dispatch is never compiled (hook start, measured).
      const slice = /** @type {{ latin1Slice?: (start: number, end: number) => string }} */ (
        /** @type {unknown} */ (buffer)
      ).latin1Slice;
      text = typeof slice === 'function' ? slice.call(buffer, 0, got) : buffer.toString('latin1', 0, got);
    } finally {
      fs.closeSync(fd);
    }
  }
  // Each comment opens with `/*` and its key (only joined here, at run time, so the loader's own
  // text never holds it) and ends at the first `*/` after it: the code holds none (escaped).
  const codeOf = (/** @type {string} */ codeKey) => {
    const open = text.indexOf('/*' + codeKey);
    const end = open === -1 ? -1 : text.indexOf('*/', open + 2);
    if (end === -1) return undefined;
    let start = open + 2 + codeKey.length;
    while (text.charCodeAt(start) === 13 || text.charCodeAt(start) === 10) start++;
    const code = text.slice(start, end);
    return code.includes('\x01') ? code.replaceAll('\x01', '') : code;
  };
  const damaged = (/** @type {string} */ what) =>
    'hookpack: ' + self.filename + ' is damaged (' + what + '); rebuild it with hookpack build';
  const code = source ?? codeOf(key);
  if (code === undefined) {
    // Before the runtime is loaded, so its policy is this one line: a guard blocks.
    fs.writeSync(2, damaged('the code at its end is missing or cut short') + '\n');
    process.exit(failClosed ? 2 : 1);
  }
  const userHome = env.HOME || env.USERPROFILE;
  const base = env.XDG_CACHE_HOME || (userHome ? userHome + '/.cache' : '');
  // A cache directory inside the project, or a HOOKPACK_HOME the project's settings set (their
  // `env` reaches hooks), is the repository's choice: cache files there could be planted code.
  // The cache is then off (it only saves time). The settings are read only when HOOKPACK_HOME is
  // set (XDG_* and HOME set there do not reach hooks, checked with the real client): on the
  // common path this costs one realpath.
  const resolved = (/** @type {string} */ p) => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return p;
    }
  };
  const projectSet = (/** @type {string} */ value, /** @type {string} */ real, /** @type {boolean} */ readSettings) => {
    // A deleted working directory has no cwd: then only CLAUDE_PROJECT_DIR can be the project.
    let cwd = '';
    try {
      cwd = process.cwd();
    } catch {}
    const dirs = [env.CLAUDE_PROJECT_DIR, cwd].filter((d) => typeof d === 'string' && d !== '' && d !== '/');
    /** @type {string | undefined} */
    let mine;
    for (const dir of dirs) {
      if (real === dir || real.startsWith(dir + '/') || value.startsWith(dir + '/')) {
        // Claude Code started in the home directory (or above it) makes no repository of ~/.cache.
        mine ??= userHome ? resolved(userHome) : '';
        if (!(mine !== '' && (mine === dir || mine.startsWith(dir + '/')))) return true;
      }
      if (!readSettings) continue;
      for (const name of ['settings.json', 'settings.local.json']) {
        let fd;
        try {
          fd = fs.openSync(dir + '/.claude/' + name, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0));
          const s = fs.fstatSync(fd);
          if (!s.isFile()) continue;
          const buffer = Buffer.alloc(Math.min(s.size, 1048576));
          const text = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
          if (s.size > buffer.length || text.includes('HOOKPACK_HOME') || text.includes('HOOKPACK_CODE_CACHE'))
            return true;
        } catch {
        } finally {
          if (fd !== undefined) fs.closeSync(fd);
        }
      }
    }
    return false;
  };
  const chosen = env.HOOKPACK_HOME || (base ? base + '/hookpack' : '');
  // Whichever variable led there (HOOKPACK_HOME, XDG_CACHE_HOME, HOME), a cache directory inside
  // the project is the repository's: checked on every start (one realpath); the settings files
  // only when a variable a project could set is set.
  // Resolved once: for the project check here and for the ownership check below.
  const realChosen = env.HOOKPACK_CODE_CACHE === '0' || !chosen ? '' : resolved(chosen);
  const home = !realChosen || projectSet(chosen, realChosen, Boolean(env.HOOKPACK_HOME)) ? '' : chosen;
  const note = (/** @type {string} */ m) => {
    if (env.HOOKPACK_DEBUG && env.HOOKPACK_DEBUG !== '0')
      try {
        fs.writeSync(2, 'hookpack: code cache ' + m + '\n');
      } catch {}
  };
  const uid = process.getuid ? process.getuid() : undefined;
  // Ours alone: owned by us and not writable by group or others (libuv reports no such bits on Windows).
  const mine = (/** @type {import('node:fs').Stats} */ s) =>
    (process.platform === 'win32' || (s.mode & 18) === 0) && (uid === undefined || s.uid === uid);
  // The state directory's rule (lib/home.ts): a link only we or root own, resolved once; the
  // resolved path must itself be a directory that is ours alone. Returns the real path or ''.
  // `resolvedParent`: p's parent directory is a real path (no links), so a p that is no link is
  // itself real, and its lstat is the only call (this runs at every hook start).
  const trusted = (/** @type {string} */ p, resolvedParent = false) => {
    try {
      const link = fs.lstatSync(p);
      const isLink = link.isSymbolicLink();
      if (isLink && uid !== undefined && link.uid !== uid && link.uid !== 0) return '';
      const real = resolvedParent && !isLink ? p : fs.realpathSync.native(p);
      const s = real === p && !isLink ? link : fs.lstatSync(real);
      return s.isDirectory() && mine(s) ? real : '';
    } catch {
      return '';
    }
  };
  // Per bundle path as well as per content: two copies of a bundle (a project's and the user's)
  // must not take turns overwriting one cache entry. FNV-1a: node:crypto costs a module load.
  let h = 2166136261;
  for (let i = 0; i < self.filename.length; i++) h = Math.imul(h ^ self.filename.charCodeAt(i), 16777619) >>> 0;
  let realHome = '';
  let dir = '';
  if (home) {
    // realChosen was resolved above; a link at `home` itself is still judged by its owner.
    realHome = home === realChosen ? trusted(home, true) : trusted(home) && trusted(realChosen, true);
    dir = realHome && trusted(realHome + '/code-cache', true);
  }
  if (!home) note('off');
  // Compiles one piece of the bundle (its main code, or a chunk) through its own cache file and
  // returns the CommonJS-style function it defines.
  const compile = (/** @type {string} */ part, /** @type {string} */ partKey, /** @type {string} */ partCode) => {
    const prefix = part + '-' + h.toString(16) + '-';
    const fileName = prefix + partKey + '-' + process.version + '-' + process.arch + '.bin';
    /** @type {Buffer | undefined} */
    let data;
    // The file itself is checked on the open descriptor: a directory swapped after trusted() can
    // only hold files of another owner, and those are refused. readSync, not readFileSync: the
    // runtime reads stdin with it anyway, so its first-call cost is paid once (hook start).
    if (dir) {
      let fd;
      try {
        fd = fs.openSync(dir + '/' + fileName, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
        const s = fs.fstatSync(fd);
        if (s.isFile() && mine(s) && s.size > 0 && s.size < 67108864) {
          const buffer = Buffer.allocUnsafe(s.size);
          let got = 0;
          for (let n = 1; got < s.size && n > 0; got += n) n = fs.readSync(fd, buffer, got, s.size - got, got);
          if (got === s.size) data = buffer;
        }
      } catch {
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    }
    const script = new Script(partCode, { filename: self.filename, cachedData: data });
    // Without a home there is no cache directory, so no data either: neither branch runs.
    if (data !== undefined && !script.cachedDataRejected) note('hit ' + dir + '/' + fileName);
    else if (home)
      process.once('exit', () => {
        try {
          // The runtime may have made the state directory since start (telemetry): check it again.
          let top = realHome || trusted(home);
          if (!top) {
            // Created only when missing; anything that exists and fails the check is left alone.
            if (fs.existsSync(home)) return note('refused ' + home + ': not a directory that is yours alone');
            fs.mkdirSync(home, { recursive: true, mode: 448 });
            top = trusted(home);
            if (!top) return;
          }
          let target = dir;
          if (!target) {
            if (!fs.existsSync(top + '/code-cache')) fs.mkdirSync(top + '/code-cache', { mode: 448 });
            target = trusted(top + '/code-cache');
            if (!target) return note('refused ' + top + '/code-cache: not a directory that is yours alone');
          }
          const file = target + '/' + fileName;
          note((data === undefined ? 'miss, writing ' : 'rejected, rewriting ') + file);
          for (const old of fs.readdirSync(target))
            if (old.startsWith(prefix) && old !== fileName)
              try {
                fs.unlinkSync(target + '/' + old);
              } catch {}
          const tmp = file + '.' + process.pid + '.tmp';
          fs.writeFileSync(tmp, script.createCachedData(), { mode: 384, flag: 'wx' });
          fs.renameSync(tmp, file);
        } catch {}
      });
    return script.runInThisContext();
  };
  // What a chunk's stub calls (build/lazy-chunks.mjs), once: the stub keeps what it returns.
  const chunk = (/** @type {string} */ name) => {
    const entry = chunks?.[name];
    const chunkCode = entry && (entry[1] ?? codeOf(entry[0]));
    // Thrown into the hook that asked: its failure policy decides (a guard blocks).
    if (!entry || chunkCode === undefined) throw new Error(damaged('its part "' + name + '" is missing or cut short'));
    const chunkModule = { exports: {} };
    compile(prefixName + '.' + name, entry[0], chunkCode)(
      chunkModule.exports,
      self.require,
      chunkModule,
      self.filename,
      self.dirname,
    );
    return chunkModule.exports;
  };
  compile(prefixName, key, code)(self.exports, self.require, self.module, self.filename, self.dirname, chunk);
}

/**
 * Wraps a bundle in the code-cache loader; the file stays one self-contained script that needs
 * only node built-ins. The code (and each lazily loaded chunk's) goes into a comment after the
 * loader when it is ASCII (esbuild's default) and holds no \x01, else into a string literal.
 * @param {string} name
 * @param {string} code the bundle, starting with its banner
 * @param {string} bannerText
 * @param {boolean} [failClosed] the bundle holds a hook that fails closed
 * @param {readonly { name: string, code: string }[]} [chunks] its lazily loaded chunks (build/lazy-chunks.mjs)
 */
export function withCodeCacheLoader(name, code, bannerText, failClosed = false, chunks = []) {
  const body = code.startsWith(bannerText) ? code.slice(bannerText.length) : code;
  const keyOf = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const parts = [
    {
      name: '',
      key: keyOf(body),
      script: `(function (exports, require, module, __filename, __dirname, __hookpackChunk) {${body}\n})`,
    },
    ...chunks.map((chunk) => ({
      name: chunk.name,
      key: keyOf(chunk.code),
      script: `(function (exports, require, module, __filename, __dirname) {${chunk.code}\n})`,
    })),
  ];
  const inComments = parts.every((part) => /^[\x02-\x7f\n\t]*$/.test(part.script));
  const commentSafe = (/** @type {string} */ script) =>
    script.replaceAll('/*', `/${COMMENT_ESCAPE}*`).replaceAll('*/', `*${COMMENT_ESCAPE}/`);
  const [main, ...rest] = parts;
  const chunkTable =
    rest.length === 0
      ? ''
      : `, {${rest.map((part) => `${JSON.stringify(part.name)}: [${JSON.stringify(part.key)}, ${inComments ? 'null' : JSON.stringify(part.script)}]`).join(', ')}}`;
  const self = `{ filename: __filename, exports, require, module, dirname: __dirname }, ${failClosed}${chunkTable}`;
  const head = `${asciiBanner(bannerText)}\n"use strict";\n(${loaderSource()})(${JSON.stringify(name)}, ${JSON.stringify(main.key)}, `;
  if (inComments) {
    return `${head}null, ${self});\n${parts.map((part) => `/*${part.key}\n${commentSafe(part.script)}*/\n`).join('')}`;
  }
  return `${head}${JSON.stringify(main.script)}, ${self});\n`;
}

/**
 * The banner with anything but printable ASCII replaced: one non-ASCII character anywhere in
 * the file sends node's UTF-8 decoding of all of it down its slow path (hook start, measured).
 * @param {string} bannerText
 */
export function asciiBanner(bannerText) {
  return bannerText.replace(/\u00b7/g, '-').replace(/[^\x20-\x7e\n]/g, '?');
}

/** @type {string | undefined} */
let minifiedLoader;

/** The loader's source, minified once per build (its comments are for us, not for every bundle). */
function loaderSource() {
  // Assigned, so the minifier keeps the function expression (a bare one is dead code to it).
  const code = transformSync(`loader=${codeCacheLoaderMain.toString()}`, {
    minify: true,
    target: 'node20',
    loader: 'js',
  }).code.trim();
  minifiedLoader = code.slice(code.indexOf('=') + 1).replace(/;$/, '');
  return minifiedLoader;
}
