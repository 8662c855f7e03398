// The iframe embed: one <kota-cerdas-widget> from the query string (?src=&lang=&view=&method=
// &report-url=), and its height sent to the parent page whenever it changes, as
// { type: 'kota-cerdas:height', height }. The message carries nothing but a height, so it goes
// to any parent ('*'); the host's snippet accepts it only from this origin (event.origin).

import '../widget/kota-cerdas-widget.js';

const ATTRIBUTES = ['src', 'lang', 'view', 'method', 'report-url'];
const params = new URLSearchParams(location.search);

const widget = document.createElement('kota-cerdas-widget');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value) widget.setAttribute(name, value);
}
if (/^en\b/i.test(params.get('lang') ?? '')) document.documentElement.lang = 'en';
document.body.append(widget);

let last = 0;
function report() {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'kota-cerdas:height', height }, '*');
}
new ResizeObserver(report).observe(document.body);
