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

// The card's links open in a new tab (<base target="_blank"> in index.html), outside the
// frame's sandbox. A host that still has the snippet from before 2026-12 gives no
// allow-popups: the browser refuses the new tab (window.open answers null), and the link
// then opens in the frame, as it did with that snippet, instead of doing nothing.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.href);
  if (!link) return;
  event.preventDefault();
  const tab = window.open(link.href, '_blank');
  if (tab) tab.opener = null;
  else location.assign(link.href);
});
