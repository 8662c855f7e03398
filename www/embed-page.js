// embed.html: fills the copy-paste snippets with this server's origin and the playground's
// choices, drives the live preview, and writes the theme CSS. Snippets are plain text
// (textContent), never HTML.

import './widget/kota-cerdas-widget.js';
import { methods } from './lib/engine-client.js';

const $ = (id) => document.getElementById(id);
// A page opened from file:// has no usable origin: keep the placeholder in the snippets.
const origin = location.protocol.startsWith('http') ? location.origin : 'https://alat.example';
const preview = $('preview');
const form = $('playground');

const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function choices() {
  const data = new FormData(form);
  return {
    src: String(data.get('src') ?? '').trim(),
    lang: String(data.get('lang') ?? 'id'),
    view: String(data.get('view') ?? 'summary'),
    method: String(data.get('method') ?? ''),
  };
}

/** The snippet that sets iframe heights; accepts messages only from this tool's origin. */
function hostScript() {
  return `<script>
  // Kota Cerdas Mandiri: sets each scorecard iframe's height from its own messages.
  addEventListener('message', function (event) {
    if (event.origin !== '${origin}') return;
    var data = event.data;
    if (!data || data.type !== 'kota-cerdas:height' || typeof data.height !== 'number') return;
    document.querySelectorAll('iframe[data-kota-cerdas]').forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.height = String(Math.min(Math.max(Math.ceil(data.height), 80), 20000));
    });
  });
</script>`;
}

/**
 * What the host page shows until the element is defined, and below the error card when the
 * script cannot load at all: a sentence and a link to the tool opening the same masterplan.
 */
function fallback(c) {
  let report = `${origin}/index.html`;
  try {
    if (c.src) report += `#src=${encodeURIComponent(new URL(c.src, location.href).href)}`;
  } catch {
    /* an unreadable src: the link opens the tool without data */
  }
  const sentence =
    c.lang === 'en'
      ? `This regency's smart city scorecard (a self-assessment) appears here. If it does not, <a href="${attr(report)}">open the full report in the Kota Cerdas Mandiri tool</a>.`
      : `Kartu skor smart city daerah ini (penilaian mandiri) tampil di sini. Bila tidak tampil, <a href="${attr(report)}">buka laporan lengkap di alat Kota Cerdas Mandiri</a>.`;
  return `  <p>${sentence}</p>`;
}

function update() {
  const c = choices();
  const extra = `${c.view === 'full' ? ' view="full"' : ''}${c.method ? ` method="${attr(c.method)}"` : ''}`;
  // A classic script (kota-cerdas-loader.js): it loads even when the tool's server sends no
  // CORS header, and then shows an error card saying so instead of nothing.
  $('code-widget').textContent =
    `<script src="${origin}/widget/kota-cerdas-loader.js" async></script>\n` +
    `<kota-cerdas-widget src="${attr(c.src)}" lang="${attr(c.lang)}"${extra}>\n${fallback(c)}\n</kota-cerdas-widget>`;
  $('code-csp').textContent = `script-src 'self' ${origin} 'wasm-unsafe-eval';\nconnect-src 'self' ${origin};`;

  const query = new URLSearchParams({ src: c.src ? new URL(c.src, location.href).href : '', lang: c.lang, view: c.view });
  if (c.method) query.set('method', c.method);
  const title = c.lang === 'en' ? 'Smart city scorecard' : 'Kartu skor smart city';
  $('code-iframe').textContent =
    `<iframe data-kota-cerdas src="${attr(`${origin}/embed/?${query}`)}" title="${title}" ` +
    `sandbox="allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox" loading="lazy" width="100%" height="640"></iframe>\n${hostScript()}`;

  for (const [name, value] of Object.entries({ src: c.src, lang: c.lang, view: c.view, method: c.method })) {
    if (value) preview.setAttribute(name, value);
    else preview.removeAttribute(name);
  }
}

function theme() {
  const lines = [];
  for (const input of form.querySelectorAll('input[data-prop]')) {
    const value = `${input.value}${input.dataset.unit ?? ''}`;
    preview.style.setProperty(input.dataset.prop, value);
    if (input.value !== input.defaultValue) lines.push(`  ${input.dataset.prop}: ${value};`);
  }
  $('code-theme').textContent = `kota-cerdas-widget {\n${lines.join('\n')}${lines.length ? '\n' : ''}}`;
}

async function fillMethods() {
  try {
    const select = $('pg-method');
    for (const m of await methods()) {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = `${m.id} — ${m.name?.id ?? m.id}`;
      select.append(option);
    }
  } catch {
    /* the preview shows the engine's own error */
  }
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const status = $('copy-status');
    try {
      await navigator.clipboard.writeText($(button.dataset.copy).textContent);
      status.textContent = 'Disalin ke papan klip. / Copied.';
    } catch {
      status.textContent = 'Tidak dapat menyalin otomatis: pilih teksnya lalu Ctrl+C. / Select the text and press Ctrl+C.';
    }
  });
}

$('pg-src').value = new URL('samples/kota-pelita-2024.json', location.href).href;
form.addEventListener('input', (e) => (e.target.dataset.prop ? theme() : update()));
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());
update();
theme();
fillMethods();
document.body.dataset.ready = 'true';
