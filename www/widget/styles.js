// The widget's styles as one constructable stylesheet (adoptedStyleSheets): no <style> element and
// no style attribute, so a host CSP with `style-src 'self'` (no 'unsafe-inline') does not block it.
//
// Isolation: the host's selectors never reach into the shadow root, but inherited properties do
// (a host `* { font-size: 40px !important; color: red !important }` reaches the host element
// itself). So :host resets everything and `.card` sets every inherited property it relies on,
// with px (not rem) so the host's root font size does not matter either. `display` is
// !important because an `!important` from inside the shadow beats the host's `all: unset
// !important`; other host rules on the element (margin, width …) stay the host's to set.
//
// Theming: only the documented --kota-cerdas-* custom properties (custom-elements.json) and the
// parts card, header, index, section, disclaimer, link, error.

const css = String.raw`
:host {
  all: initial;
  display: block !important;
  contain: content;
}
:host([hidden]) { display: none !important; }

.frame { container-type: inline-size; }

.card {
  box-sizing: border-box;
  font-family: var(--kota-cerdas-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif);
  font-size: var(--kota-cerdas-font-size, 16px);
  font-weight: 400;
  font-style: normal;
  line-height: 1.45;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-transform: none;
  text-indent: 0;
  text-shadow: none;
  white-space: normal;
  visibility: visible;
  cursor: auto;
  direction: ltr;
  color: var(--kota-cerdas-ink, #1b2430);
  background: var(--kota-cerdas-background, #ffffff);
  border: 1px solid var(--kota-cerdas-border, #d8dee6);
  border-radius: var(--kota-cerdas-radius, 10px);
  padding: 1em 1.1em;
  overflow-wrap: break-word;
}
*, *::before, *::after { box-sizing: border-box; }
h2, h3, p, table, ol, ul, dl, dd, figure { margin: 0; }
h2 { font-size: 1.3em; line-height: 1.2; font-weight: 700; }
h3 { font-size: .95em; font-weight: 700; margin-bottom: .35em; }
p + p { margin-top: .35em; }

header { border-bottom: 3px solid var(--kota-cerdas-accent, #0b4f8a); padding-bottom: .6em; margin-bottom: .8em; }
.eyebrow { font-size: .8em; font-weight: 600; letter-spacing: .03em; text-transform: uppercase; color: var(--kota-cerdas-accent, #0b4f8a); }
.muted, .region { color: var(--kota-cerdas-muted, #566273); font-size: .875em; }

.grid { display: grid; gap: 1em; }
@container (min-width: 560px) {
  .grid { grid-template-columns: minmax(11em, 1fr) 2fr; align-items: start; }
  .grid.halves { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}

.index {
  background: var(--kota-cerdas-accent, #0b4f8a);
  color: var(--kota-cerdas-accent-ink, #ffffff);
  border-radius: calc(var(--kota-cerdas-radius, 10px) * .8);
  padding: .8em 1em;
}
.index-label { font-size: .85em; font-weight: 600; }
.index-value { font-size: 2.6em; font-weight: 800; line-height: 1.1; font-variant-numeric: tabular-nums; }
.index-value .of { font-size: .4em; font-weight: 600; }
.index-value .est { display: block; font-size: .35em; font-weight: 600; }
.index .note { font-size: .8em; }
.index.estimate { background: var(--kota-cerdas-background, #ffffff); color: var(--kota-cerdas-ink, #1b2430); border: 2px dashed var(--kota-cerdas-accent, #0b4f8a); }

section { margin-top: .9em; }
.grid > section { margin-top: 0; }
.grid + .grid, .grid + section, section + .grid { margin-top: .9em; }

table { border-collapse: collapse; width: 100%; font-size: .9em; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { padding: .22em .3em; text-align: start; vertical-align: middle; border-bottom: 1px solid var(--kota-cerdas-border, #d8dee6); font-weight: 400; }
thead th { font-size: .8em; color: var(--kota-cerdas-muted, #566273); font-weight: 600; }
tbody th { font-weight: 600; overflow-wrap: normal; }
.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.barcell { width: 38%; min-width: 4em; }
/* The full view adds the source and weight columns: the bars give them room. */
[data-view=full] .dims .barcell { width: 24%; }
.flag { display: block; font-size: .8em; color: var(--kota-cerdas-warn, #8a4b00); white-space: normal; }

svg.bar { display: block; width: 100%; height: .75em; }
.track { fill: var(--kota-cerdas-track, #e6ebf1); }
.fill { fill: var(--kota-cerdas-bar, #0f7b6c); }
.fill.below { fill: var(--kota-cerdas-warn, #8a4b00); }
.target { stroke: var(--kota-cerdas-ink, #1b2430); stroke-width: 1.5; }

.qw { display: flex; flex-wrap: wrap; gap: .2em .6em; align-items: baseline; }
.qw strong { font-variant-numeric: tabular-nums; }

ol.findings { padding-inline-start: 1.2em; font-size: .9em; }
ol.findings li + li { margin-top: .3em; }
.sev { font-weight: 700; }
.sev.sev-critical, .sev.sev-error { color: var(--kota-cerdas-warn, #8a4b00); }
dl.meta { font-size: .8em; color: var(--kota-cerdas-muted, #566273); display: grid; grid-template-columns: auto 1fr; gap: 0 .6em; }
dl.meta { margin-top: .6em; }
dl.meta dt { font-weight: 600; }
dl.meta dd { min-width: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: .95em; }

footer { margin-top: 1em; padding-top: .6em; border-top: 1px solid var(--kota-cerdas-border, #d8dee6); display: flex; flex-wrap: wrap; gap: .4em 1em; align-items: center; justify-content: space-between; }
.disclaimer { font-size: .8em; color: var(--kota-cerdas-muted, #566273); flex: 1 1 16em; }
a { color: var(--kota-cerdas-accent, #0b4f8a); font-weight: 600; text-decoration: underline; }
a:focus-visible { outline: 3px solid var(--kota-cerdas-focus, #f5a300); outline-offset: 2px; border-radius: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.loading { color: var(--kota-cerdas-muted, #566273); min-height: 6em; }
.error { border-color: var(--kota-cerdas-warn, #8a4b00); border-width: 2px; }
.error h2 { color: var(--kota-cerdas-warn, #8a4b00); font-size: 1.1em; margin-bottom: .3em; }
.error ul { margin: .4em 0 0; padding-inline-start: 1.2em; font-size: .9em; }
.error h2 .en { font-weight: 400; }
.error p, .error li { overflow-wrap: anywhere; }
.error .what { margin-top: .3em; }
.error .en { color: var(--kota-cerdas-muted, #566273); }
.error .hint { margin-top: .7em; padding: .5em .7em; border-inline-start: 4px solid var(--kota-cerdas-warn, #8a4b00); background: var(--kota-cerdas-hint-background, #fff7eb); font-size: .9em; }
.error .hint p + p { margin-top: .3em; }
.error .code { margin-top: .5em; }
.shown { margin-top: .4em; font-size: .8em; }
button.more { margin-top: .4em; font: inherit; font-size: .9em; font-weight: 600; color: var(--kota-cerdas-accent-ink, #fff); background: var(--kota-cerdas-accent, #0b4f8a); border: 0; border-radius: 4px; padding: .4em .9em; cursor: pointer; min-height: 2.75em; }
button.more:focus-visible, ol.findings li:focus-visible { outline: 3px solid var(--kota-cerdas-focus, #f5a300); outline-offset: 2px; }

@media print {
  .card { border-color: #000; color: #000; break-inside: avoid; }
  .index, .index.estimate { background: none; color: #000; border: 2px solid #000; }
  .track { fill: #ddd; }
  .fill, .fill.below { fill: #444; }
  svg.bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: #000; }
  a::after { content: " (" attr(href) ")"; font-weight: 400; font-size: .8em; overflow-wrap: anywhere; }
}
@media (forced-colors: active) {
  .fill, .fill.below { fill: CanvasText; }
  .track { fill: Canvas; stroke: CanvasText; }
}
`;

export const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
