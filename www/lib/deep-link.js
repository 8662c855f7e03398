// The tool opened on a masterplan named in the URL fragment: index.html#src=<url>. The widget's
// "Lihat laporan lengkap" link points here, so a citizen lands on the full report of the same
// regency. A fragment, so no server sees the address; the page fetches it itself.
//
// Only http(s) URLs, fetched without credentials in CORS mode: same-origin, or another origin
// whose server permits it (Access-Control-Allow-Origin) and that the page's CSP allows
// (connect-src). The bytes then take the same road as a chosen file (readInput, assess), so
// the same validation applies. Anything else ends in a bilingual message in the problems panel.

import { fill, loadStrings } from './strings.js';

/** The `src` named in a `#src=…` fragment (URL-encoded), or null. */
export function linkedSource(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const src = params.get('src');
  return src ? src : null;
}

/**
 * Opens the masterplan the fragment names, if any.
 *
 * @param {{ open: (file: File) => Promise<unknown>, fail: (problems: object[], name: string) => void }} page
 *   `open` takes the file as if chosen; `fail` shows problems ({ severity, code, message: { id, en } }).
 * @param {Location|URL} [where] the page's address (default: location)
 * @returns {Promise<boolean>} whether the fragment named a masterplan (then the last session is
 *   not restored over it)
 */
export async function openLinked({ open, fail }, where = location) {
  const raw = linkedSource(where.hash);
  if (raw === null) return false;
  const [id, en] = await Promise.all([loadStrings('id'), loadStrings('en')]).catch(() => [{}, {}]);
  const problem = (key, vars) => ({
    severity: 'error',
    code: 'deep_link',
    message: { id: fill(id[key] ?? key, vars), en: fill(en[key] ?? key, vars) },
  });
  let url;
  try {
    url = new URL(raw, where.href);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    fail([problem('deepLink.badUrl', { url: raw.slice(0, 300) })], raw.slice(0, 80));
    return true;
  }
  const name = fileNameOf(url);
  if (where.protocol === 'https:' && url.protocol === 'http:') {
    fail([problem('deepLink.insecure', { url: url.href })], name);
    return true;
  }
  let response;
  try {
    response = await fetch(url.href, { mode: 'cors', credentials: 'omit', redirect: 'follow' });
  } catch {
    fail([problem('deepLink.blocked', { url: url.href, origin: url.origin })], name);
    return true;
  }
  if (!response.ok) {
    fail([problem('deepLink.http', { url: url.href, status: response.status })], name);
    return true;
  }
  await open(new File([await response.arrayBuffer()], name, { type: response.headers.get('Content-Type') ?? '' }));
  return true;
}

function fileNameOf(url) {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || url.host || 'masterplan.json';
  } catch {
    return last || 'masterplan.json';
  }
}
