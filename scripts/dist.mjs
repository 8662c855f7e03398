// The single-file build: www/index.html and everything it loads in ONE self-contained HTML file
// that works opened straight from file:// (no server, no internet) — for a USB stick or e-mail.
//
//   node scripts/dist.mjs        (after `make build`; `make dist` does both)
//
// writes dist/kota-cerdas-mandiri.html and a copy at www/kota-cerdas-mandiri.html (the page's
// "Gunakan offline" link), and prints raw and gzip sizes. Dependency-free on purpose.
// Every link in the file must work with the file alone: links to pages it does not carry (the
// batch view) become a note (OFFLINE_NOTES); the build stops on any other relative link.
//
// How, kept simple:
// - Chromium refuses module scripts from file://, so the page's ES modules (app.js and what it
//   imports, down to pkg/) are concatenated into one inline <script type="module">. Each module
//   becomes a function scope returning its exports; its `import … from './x.js'` lines become
//   `const … = <that module's exports>`. Only the static import/export forms the page uses are
//   understood; anything else (export *, top-level await) stops the build with a message,
//   rather than producing a file that fails later.
// - A dynamic `import('./x.js')` (a literal relative path: lib/workbook-client.js loading the
//   workbook module) becomes a call that runs x.js's function scope the first time it is asked
//   for, so a module loaded on first use on the served page is still evaluated on first use here.
//   Such a module may import only modules the page loads anyway.
// - The files the modules fetch (the .wasm files gzipped + base64, i18n/*.json, samples/) are inlined
//   as data in a global KCM_INLINE, and fetch() answers those URLs from it: the modules keep
//   their code.
//   lib/engine-client.js sees KCM_INLINE and assesses on the main thread (no worker starts from
//   file://). Each module's `import.meta.url` is replaced by its own would-be URL, so relative
//   URLs (../pkg/, ../i18n/) resolve as when the page is served.
// - styles.css goes into a <style>. The CSP meta allows exactly that script and that style by
//   their SHA-256 hashes, keeps 'wasm-unsafe-eval', and allows no connection at all.

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repoRoot, 'www');
const OUT_NAME = 'kota-cerdas-mandiri.html';
const ENTRY = 'app.js';
const WASM = 'pkg/kota_cerdas_mandiri_bg.wasm';
// The workbook module (`make build-workbook`): inflated and compiled only when a workbook is
// opened or saved, like its code.
const WORKBOOK_WASM = 'pkg-workbook/kota_cerdas_workbook_wasm_bg.wasm';
// The comparison module (`make build-compare`): the CSV download's writer, loaded on first use.
const COMPARE_WASM = 'pkg-compare/kota_cerdas_compare_wasm_bg.wasm';

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

const read = (rel) => {
  try {
    return readFileSync(path.join(www, rel));
  } catch (error) {
    fail(`${rel}: ${error.code === 'ENOENT' ? 'missing (run `make build` first?)' : error.message}`);
  }
};

// ---------- modules ----------

const IMPORT = /^import\s+([^;'"]*?)\s*from\s*(['"])([^'"]+)\2\s*;?[ \t]*$/gm;
const BARE_IMPORT = /^import\s*(['"])([^'"]+)\1\s*;?[ \t]*$/gm;

/** Turns `def, * as ns` / `{ a, b as c }` / `def, { a }` into `const` lines over `ref`. */
function importBindings(clause, ref, where) {
  const lines = [];
  let rest = clause.trim();
  const def = rest.match(/^([A-Za-z_$][\w$]*)\s*(,|$)/);
  if (def) {
    lines.push(`const ${def[1]} = ${ref}.default;`);
    rest = rest.slice(def[0].length).trim();
  }
  if (!rest) return lines;
  const ns = rest.match(/^\*\s+as\s+([A-Za-z_$][\w$]*)$/);
  if (ns) return [...lines, `const ${ns[1]} = ${ref};`];
  const named = rest.match(/^\{([\s\S]*)\}$/);
  if (!named) fail(`${where}: cannot read the import clause "${clause}"`);
  const parts = named[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = s.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
      if (!m) fail(`${where}: cannot read the import "${s}"`);
      return m[2] ? `${m[1]}: ${m[2]}` : m[1];
    });
  return [...lines, `const { ${parts.join(', ')} } = ${ref};`];
}

/**
 * Rewrites one module's source into a function scope (run at once, or on first use when
 * `lazy`); returns { code, deps, lazyDeps }.
 */
function transform(rel, source, lazy = false) {
  if (/^\s*export\s*\*/m.test(source)) fail(`${rel}: "export *" is not supported`);
  if (/^await\b/m.test(source)) fail(`${rel}: top-level await is not supported`);

  const deps = [];
  const lazyDeps = [];
  const exportsMap = new Map(); // exported name -> local name
  const dir = path.posix.dirname(rel);
  const resolve = (spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${rel}: only relative imports are supported ("${spec}")`);
    return path.posix.normalize(path.posix.join(dir, spec));
  };

  let code = source.replace(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g, (_, __, spec) => {
    const dep = resolve(spec);
    lazyDeps.push(dep);
    return `Promise.resolve().then(${moduleRef(dep)})`;
  });
  if (/\bimport\s*\(/.test(code)) fail(`${rel}: only import() of a literal relative path is supported`);
  code = code.replace(BARE_IMPORT, (_, __, spec) => {
    deps.push(resolve(spec));
    return '';
  });
  code = code.replace(IMPORT, (_, clause, __, spec) => {
    const dep = resolve(spec);
    deps.push(dep);
    return importBindings(clause, moduleRef(dep), rel).join(' ');
  });
  if (/^import\s/m.test(code)) fail(`${rel}: an import statement the bundler does not understand is left`);
  // import.meta.url is the document's in an inline script: give each module its own would-be
  // URL back, so `new URL('../pkg/…', import.meta.url)` names the same file as when served
  // (and the fetch below answers it from KCM_INLINE).
  code = code.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(rel)}, document.baseURI).href`);

  code = code.replace(/^export\s+((?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*))/gm, (_, decl, name) => {
    exportsMap.set(name, name);
    return decl;
  });
  code = code.replace(/^export\s+((?:const|let|var|class)\s+([A-Za-z_$][\w$]*))/gm, (_, decl, name) => {
    exportsMap.set(name, name);
    return decl;
  });
  code = code.replace(/^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = item.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
      if (!m) fail(`${rel}: cannot read the export "${item}"`);
      exportsMap.set(m[2] ?? m[1], m[1]);
    }
    return '';
  });
  code = code.replace(/^export\s+default\s+([A-Za-z_$][\w$]*)\s*;?[ \t]*$/gm, (_, name) => {
    exportsMap.set('default', name);
    return '';
  });
  if (/^export\s/m.test(code)) fail(`${rel}: an export statement the bundler does not understand is left`);

  const exported = [...exportsMap].map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  const body = `(() => {\n${code.trimEnd()}\nreturn Object.freeze({ ${exported} });\n})`;
  const wrapped = lazy
    ? `// ---- ${rel} (evaluated on first use) ----\nconst ${moduleRef(rel)} = (() => {\nlet exports;\nconst evaluate = ${body};\nreturn () => (exports ??= evaluate());\n})();\n`
    : `// ---- ${rel} ----\nconst ${moduleRef(rel)} = ${body}();\n`;
  return { code: wrapped, deps, lazyDeps };
}

function moduleRef(rel) {
  return `__kcm_${rel.replace(/[^\w]/g, '_')}`;
}

/**
 * The modules reachable from the entry, dependencies first; then the modules imported
 * dynamically, each evaluated on first use (and importing only modules already evaluated).
 */
function bundleModules(entry) {
  const done = new Map();
  const visiting = new Set();
  const lazy = new Set();
  const visit = (rel) => {
    if (done.has(rel)) return;
    if (visiting.has(rel)) fail(`import cycle through ${rel}`);
    visiting.add(rel);
    const { code, deps, lazyDeps } = transform(rel, read(rel).toString('utf8'));
    for (const dep of deps) visit(dep);
    for (const dep of lazyDeps) lazy.add(dep);
    visiting.delete(rel);
    done.set(rel, code);
  };
  visit(entry);
  const later = [];
  for (const rel of lazy) {
    if (done.has(rel)) fail(`${rel} is imported both statically and dynamically`);
    const { code, deps, lazyDeps } = transform(rel, read(rel).toString('utf8'), true);
    const missing = [...deps, ...lazyDeps].filter((dep) => !done.has(dep));
    if (missing.length) fail(`${rel} (imported dynamically) imports ${missing.join(', ')}, which the page does not load`);
    later.push(code);
  }
  return [...done.values(), ...later].join('\n');
}

// ---------- inlined files ----------

function inlineFiles() {
  const files = {};
  const json = (rel) => {
    files[rel] = { type: 'application/json', text: read(rel).toString('utf8') };
  };
  json('i18n/id.json');
  json('i18n/en.json');
  json('samples/index.json');
  for (const sample of JSON.parse(files['samples/index.json'].text)) json(`samples/${sample.file}`);
  // Gzipped before base64: the file is about half the size; the browser inflates it with
  // DecompressionStream (no library, nothing fetched).
  for (const wasm of [WASM, WORKBOOK_WASM, COMPARE_WASM]) {
    files[wasm] = { type: 'application/wasm', gzip: gzipSync(read(wasm), { level: 9 }).toString('base64') };
  }
  return files;
}

const PRELUDE = `// Single-file build (scripts/dist.mjs): the files the page would fetch, inlined.
// fetch() of those URLs is answered from here, so nothing is fetched at all.
const KCM_INLINE = Object.freeze({ files: __FILES__ });
globalThis.KCM_INLINE = KCM_INLINE;
{
  const base = new URL('.', document.baseURI).href;
  const nativeFetch = globalThis.fetch.bind(globalThis);
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
    const name = url.startsWith(base) ? url.slice(base.length) : null;
    const file = name === null ? undefined : KCM_INLINE.files[name];
    if (!file) return nativeFetch(input, init);
    const body = file.gzip !== undefined
      ? new Blob([bytes(file.gzip)]).stream().pipeThrough(new DecompressionStream('gzip'))
      : file.text;
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': file.type } }));
  };
}
`;

// ---------- the page ----------

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function replaceOnce(html, pattern, replacement, what) {
  let count = 0;
  const out = html.replace(pattern, (...args) => {
    count++;
    return typeof replacement === 'function' ? replacement(...args) : replacement;
  });
  if (count !== 1) fail(`index.html: expected exactly one ${what}, found ${count}`);
  return out;
}

function build() {
  const filesJson = JSON.stringify(inlineFiles()).replace(/</g, '\\u003c');
  const script = `\n${PRELUDE.replace('__FILES__', () => filesJson)}\n${bundleModules(ENTRY)}`;
  if (/<\/script|<!--/i.test(script)) fail('a module contains "</script" or "<!--", which would end the inline script');
  const css = `\n${read('styles.css').toString('utf8')}`;
  if (/<\/style/i.test(css)) fail('styles.css contains "</style"');

  let html = read('index.html').toString('utf8');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = replaceOnce(html, /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)/g, (_, a, b) => `${a}${csp}${b}`, 'CSP meta');
  html = replaceOnce(html, /^<link rel="modulepreload"[^>]*>\n/gm, '', 'modulepreload link');
  html = replaceOnce(html, /<link rel="icon" href="favicon\.svg"/g, () => `<link rel="icon" href="data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}"`, 'icon link');
  html = replaceOnce(html, /<link rel="stylesheet" href="styles\.css">/g, () => `<style>${css}</style>`, 'stylesheet link');
  html = replaceOnce(html, /<script type="module" src="app\.js"><\/script>/g, () => `<script type="module">${script}</script>`, 'app.js script');
  // Elements that only make sense on the served page (the link to this very file).
  html = html.replace(/^[ \t]*<(\w+)[^>]*\bdata-online-only\b[^>]*>[\s\S]*?<\/\1>\n?/gm, '');
  // Pages this file does not contain: the link becomes a note saying where they are (the
  // page's i18n fills the note in the chosen language, as it does the link on the served page).
  for (const [page, key] of OFFLINE_NOTES) {
    const link = new RegExp(`<a href="${page.replace('.', '\\.')}"[^>]*>[^<]*</a>`, 'g');
    html = html.replace(link, () => `<span class="small" data-i18n="${key}">${escapeText(JSON.parse(read('i18n/id.json').toString('utf8'))[key] ?? key)}</span>`);
  }
  checkLinks(html);
  return html;
}

// Links of index.html to pages the single file cannot carry, and the i18n key of the note
// that replaces each (www/i18n/*.json).
const OFFLINE_NOTES = [['batch.html', 'batch.offline'], ['compare.html', 'compare.offline']];

const escapeText = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Every href/src left in the markup must work from file:// with the file alone: a fragment of
 * this page, a data:/blob: URL, or an absolute https:// link (method sources) — never a
 * relative path to a file that is not beside it.
 */
function checkLinks(html) {
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  for (const [, attr, value] of markup.matchAll(/\b(href|src)="([^"]*)"/g)) {
    if (/^(#|data:|blob:|https:\/\/)/.test(value)) continue;
    fail(`index.html: ${attr}="${value}" would not resolve beside the single file (add it to OFFLINE_NOTES or inline it)`);
  }
}

const html = build();
const distDir = path.join(repoRoot, 'dist');
mkdirSync(distDir, { recursive: true });
const out = path.join(distDir, OUT_NAME);
writeFileSync(out, html);
copyFileSync(out, path.join(www, OUT_NAME));

const raw = Buffer.byteLength(html);
const gz = gzipSync(html, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist: ${path.relative(repoRoot, out)} ${raw} bytes (${kib(raw)}), gzip ${gz} bytes (${kib(gz)}); copied to www/${OUT_NAME}`);
