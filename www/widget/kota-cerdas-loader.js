// The one script a host page includes (the snippet on embed.html):
//   <script src="https://TOOL/widget/kota-cerdas-loader.js" async></script>
//   <kota-cerdas-widget src="/data/masterplan.json" lang="id">fallback sentence and link</kota-cerdas-widget>
//
// A CLASSIC script on purpose (no import/export statement): a cross-origin classic script loads
// without CORS, a module does not. It imports the widget module (kota-cerdas-widget.js beside
// it). When that fails (the tool's server sends no Access-Control-Allow-Origin, the file is
// missing, a proxy blocks it), the visitor would otherwise see nothing and the administrator
// only a console line: so this defines <kota-cerdas-widget> as an error card that says so, in
// both languages with a hint for the administrator, fires `kota-cerdas:error` (detail.code
// `script_blocked`), and keeps showing the element's own fallback content (a <slot>) below it.
//
// Its few sentences live here, not in strings.js: when this card is needed, strings.js cannot
// be loaded either. Text only (textContent), never HTML.
(function () {
  'use strict';
  var TAG = 'kota-cerdas-widget';
  var script = document.currentScript;
  var moduleUrl = new URL('kota-cerdas-widget.js', (script && script.src) || document.baseURI).href;
  var origin = new URL(moduleUrl).origin;

  var TEXT = {
    title: { id: 'Kartu skor tidak dapat ditampilkan', en: 'The scorecard cannot be shown' },
    message: {
      id: 'Skrip kartu skor tidak dapat dimuat dari ' + origin + '.',
      en: 'The scorecard script could not be loaded from ' + origin + '.',
    },
    hint: {
      id: 'Server alat harus mengirim header Access-Control-Allow-Origin (misalnya Access-Control-Allow-Origin: *) untuk berkas .js dan .wasm kartu skor, dan CSP situs harus mengizinkan origin itu di script-src dan connect-src.',
      en: 'The tool\'s server must send the Access-Control-Allow-Origin header (e.g. Access-Control-Allow-Origin: *) for the scorecard\'s .js and .wasm files, and the site\'s CSP must allow that origin in script-src and connect-src.',
    },
    admin: { id: 'Untuk pengelola situs:', en: 'For the site administrator:' },
    code: { id: 'Kode kesalahan: ', en: 'Error code: ' },
  };
  var CSS =
    ':host { display: block; all: initial; display: block; margin: 1em 0; }' +
    '.card { font-family: var(--kota-cerdas-font-family, system-ui, sans-serif); font-size: var(--kota-cerdas-font-size, 16px); line-height: 1.45; color: var(--kota-cerdas-ink, #1b2430); background: var(--kota-cerdas-background, #fff); border: 2px solid var(--kota-cerdas-warn, #8a4b00); border-radius: var(--kota-cerdas-radius, 10px); padding: 1em 1.1em; overflow-wrap: anywhere; }' +
    'h2 { margin: 0 0 .3em; font-size: 1.1em; color: var(--kota-cerdas-warn, #8a4b00); } h2 span { font-weight: 400; }' +
    'p { margin: .3em 0 0; } .en { color: var(--kota-cerdas-muted, #566273); }' +
    '.hint { margin-top: .7em; padding: .5em .7em; border-inline-start: 4px solid var(--kota-cerdas-warn, #8a4b00); background: var(--kota-cerdas-hint-background, #fff7eb); font-size: .9em; }' +
    '.code { color: var(--kota-cerdas-muted, #566273); font-size: .875em; margin-top: .5em; }' +
    'slot { display: block; margin-top: .5em; }';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.append(c);
    });
    return node;
  }

  function failed() {
    if (customElements.get(TAG)) return;
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    class KotaCerdasWidgetUnavailable extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheet];
        root.append(
          el('div', { class: 'card error', part: 'card error', role: 'alert', lang: 'id', 'data-code': 'script_blocked' }, [
            el('h2', {}, [TEXT.title.id, el('span', { class: 'en', lang: 'en' }, [' · ' + TEXT.title.en])]),
            el('p', { class: 'what', lang: 'id' }, [TEXT.message.id]),
            el('p', { class: 'what en', lang: 'en' }, [TEXT.message.en]),
            el('div', { class: 'hint', part: 'hint' }, [
              el('p', { lang: 'id' }, [el('strong', {}, [TEXT.admin.id]), ' ', TEXT.hint.id]),
              el('p', { class: 'en', lang: 'en' }, [el('strong', {}, [TEXT.admin.en]), ' ', TEXT.hint.en]),
            ]),
            el('p', { class: 'code' }, [TEXT.code.id + 'script_blocked']),
          ]),
          // The host's own fallback content (a sentence and a link to the tool), still shown.
          el('slot'),
        );
        var src = null;
        try {
          src = this.getAttribute('src') ? new URL(this.getAttribute('src'), document.baseURI).href : null;
        } catch (e) {
          /* an unparsable src: reported as null */
        }
        var message = TEXT.message;
        this.dispatchEvent(
          new CustomEvent('kota-cerdas:error', {
            bubbles: true,
            composed: true,
            detail: { code: 'script_blocked', message: message, hint: TEXT.hint, problems: [{ severity: 'error', code: 'script_blocked', message: message }], src: src },
          }),
        );
      }
    }
    customElements.define(TAG, KotaCerdasWidgetUnavailable);
  }

  import(moduleUrl).catch(function (error) {
    console.warn('<kota-cerdas-widget>: ' + TEXT.message.en + ' ' + (error && error.message ? error.message : error));
    failed();
  });
})();
