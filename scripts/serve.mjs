// A dependency-free static file server for www/ (and for the tests, which start it on port 0).
//
//   node scripts/serve.mjs [--port N] [--root DIR] [--no-cors] [--wrong-wasm-mime]
//
// The port comes from --port, else $PORT, else 8080. It binds 127.0.0.1 only: the tool is for
// the person at this machine, and the tests must not be reachable from elsewhere.
// Every answer carries `Access-Control-Allow-Origin: *` by default: a widget embedded on a
// regency's site (another origin) needs it for its module scripts and the .wasm, and the iframe
// embed and the tool's deep link (#src=…) for masterplans served here. Safe for a static tool:
// GET/HEAD only, no cookies or credentials are honoured, nothing private is served.
// --no-cors leaves it out (the tests use it to show what a host sees then). --wrong-wasm-mime serves .wasm as
// application/octet-stream, like a misconfigured host, so the fallback from streaming
// instantiation can be tested.

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts a static server.
 *
 * @param {object} options
 * @param {string} [options.root] directory served at `/` (default: the repository's www/)
 * @param {number} [options.port] 0 picks a free port (default 0)
 * @param {boolean} [options.cors] add `Access-Control-Allow-Origin: *` (default true)
 * @param {boolean} [options.wrongWasmMime] serve .wasm as application/octet-stream
 * @param {object|function} [options.headers] extra response headers: an object, or
 *   `(urlPath) => object` for per-path headers (a CSP on one page, say)
 * @param {Record<string,string>} [options.mounts] more directories under a URL prefix,
 *   e.g. `{ '/__e2e__/': 'tests/e2e/fixtures' }` (tests use it for pages that are not the product's)
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({
  root = path.join(repoRoot, 'www'),
  port = 0,
  cors = true,
  wrongWasmMime = false,
  headers = {},
  mounts = {},
} = {}) {
  // Longest prefix first, so `/a/b/` wins over `/a/`; the site root is the last resort.
  const table = [
    ...Object.entries(mounts).map(([prefix, dir]) => [ensureSlashes(prefix), path.resolve(dir)]),
    ['/', path.resolve(root)],
  ].sort((a, b) => b[0].length - a[0].length);

  const server = createServer((req, res) => {
    handle(req, res, { table, cors, wrongWasmMime, headers }).catch((err) => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy(err);
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function ensureSlashes(prefix) {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

async function handle(req, res, { table, cors, wrongWasmMime, headers }) {
  const common = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
  if (cors) common['Access-Control-Allow-Origin'] = '*';

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed\n', { ...common, Allow: 'GET, HEAD' });
  }

  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request\n', common);
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return send(res, 400, 'bad request\n', common);

  const extra = typeof headers === 'function' ? headers(urlPath) ?? {} : headers;
  Object.assign(common, extra);

  const file = await resolveFile(table, urlPath);
  if (!file) return send(res, 404, 'not found\n', common);

  const ext = path.extname(file).toLowerCase();
  let type = MIME[ext] ?? 'application/octet-stream';
  if (ext === '.wasm' && wrongWasmMime) type = 'application/octet-stream';

  const stat = await fs.stat(file);
  res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Length': stat.size });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

// Maps a URL path to a regular file inside one of the served directories, or null.
// Both the lexical path and the real path (after symlinks) must stay inside the directory.
async function resolveFile(table, urlPath) {
  const [prefix, dir] = table.find(([p]) => urlPath.startsWith(p) || `${urlPath}/` === p) ?? [];
  if (!dir) return null;
  const rest = urlPath.slice(prefix.length);
  let candidate = path.resolve(dir, `.${path.posix.sep}${rest}`);
  if (!inside(dir, candidate)) return null;

  try {
    let stat = await fs.stat(candidate);
    if (stat.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      stat = await fs.stat(candidate);
    }
    if (!stat.isFile()) return null;
    const real = await fs.realpath(candidate);
    const realDir = await fs.realpath(dir);
    return inside(realDir, real) ? real : null;
  } catch {
    return null;
  }
}

function inside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT ?? 8080), cors: true, wrongWasmMime: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--cors') opts.cors = true; // the default; kept for old command lines
    else if (arg === '--no-cors') opts.cors = false;
    else if (arg === '--wrong-wasm-mime') opts.wrongWasmMime = true;
    else if (arg === '--port' || arg.startsWith('--port=')) opts.port = Number(value());
    else if (arg === '--root' || arg.startsWith('--root=')) opts.root = path.resolve(value());
    else if (/^\d+$/.test(arg)) opts.port = Number(arg);
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`bad port: ${opts.port}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve: ${err.message}`);
    console.error('usage: node scripts/serve.mjs [--port N] [--root DIR] [--no-cors] [--wrong-wasm-mime]');
    process.exit(2);
  }
  const { url } = await startServer(opts);
  const notes = [opts.cors ? 'Access-Control-Allow-Origin: *' : 'no CORS header', opts.wrongWasmMime && '.wasm as application/octet-stream']
    .filter(Boolean)
    .join(', ');
  console.log(`Serving ${path.relative(process.cwd(), opts.root ?? path.join(repoRoot, 'www')) || '.'} at ${url}/${notes ? ` (${notes})` : ''}`);
  console.log('Press Ctrl+C to stop.');
}
