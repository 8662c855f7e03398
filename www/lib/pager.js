// A pager for long tables and lists: only one page of rows is in the document at a time, so a
// file with 50 000 agencies or programs renders as fast as one with 50. Shared by the page's
// report (report/agencies.js, report/programs.js) and free for the widget and the batch view.
//
//   const pager = createPager({ words, format, size: 50, onPage: (from, to) => fill rows [from, to) });
//   pager.set(total);          // (re)starts at the first page (or keeps `page` when given)
//   container.append(pager.element);
//
// The element is a <nav> with first / previous / next / last buttons, a page-number field and
// the range ("1–50 dari 50 000"), announced politely. Buttons at an end are aria-disabled (not
// disabled), so keyboard focus stays where it was. The words come from the host: `words(key,
// vars)` with the keys below (the page passes its i18n translator; the widget its own strings).
//   pager.nav      {name}                   the <nav>'s label ("Halaman tabel {name}")
//   pager.first / pager.prev / pager.next / pager.last   the buttons' labels
//   pager.page     {page} {pages}           the field's label ("Halaman {page} dari {pages}")
//   pager.range    {from} {to} {total}      "1–50 dari 50 000"
// Numbers go through `format` (the locale's integer format) before they reach the words.
// Nothing from a file is turned into markup here: every text is a text node or an attribute.

import { h } from './dom.js';

/** Rows per page of the report's long tables. */
export const PAGE_ROWS = 50;

/** A printed report shows every row of a table up to this many (one page beyond it). */
export const PRINT_ROWS = 5000;

/**
 * @param {{ words: (key: string, vars?: object) => string, format?: (n: number) => string,
 *   size?: number, name?: string, id?: string, onPage: (from: number, to: number, page: number) => void }} options
 *   `name`: what the table is (for the <nav>'s label); `id`: the <nav>'s id (its parts get
 *   `${id}-first` … `${id}-range`).
 */
export function createPager({ words, format = String, size = PAGE_ROWS, name = '', id, onPage }) {
  let total = 0;
  let page = 0;
  const pages = () => Math.max(1, Math.ceil(total / size));
  const part = (suffix) => (id ? `${id}-${suffix}` : undefined);

  const button = (key, glyph, to) =>
    h('button', { type: 'button', class: `pager-${key}`, id: part(key), 'aria-label': words(`pager.${key}`), title: words(`pager.${key}`), onclick: (e) => {
      if (e.currentTarget.getAttribute('aria-disabled') === 'true') return;
      go(to());
    } }, h('span', { 'aria-hidden': 'true' }, glyph));
  const first = button('first', '«', () => 0);
  const prev = button('prev', '‹', () => page - 1);
  const next = button('next', '›', () => page + 1);
  const last = button('last', '»', () => pages() - 1);
  const field = h('input', { type: 'number', class: 'pager-field', id: part('page'), min: '1', inputmode: 'numeric', onchange: (e) => {
    const n = Number.parseInt(e.target.value, 10);
    go(Number.isFinite(n) ? n - 1 : page);
  } });
  const of = h('span', { class: 'pager-of', 'aria-hidden': 'true' });
  const range = h('span', { class: 'pager-range', id: part('range'), role: 'status', 'aria-live': 'polite' });
  const element = h('nav', { class: 'pager no-print', id, 'aria-label': words('pager.nav', { name }) },
    first, prev, h('span', { class: 'pager-where' }, field, of), next, last, range);

  function show() {
    const n = pages();
    const from = total ? page * size + 1 : 0;
    const to = Math.min(total, (page + 1) * size);
    field.value = String(page + 1);
    field.max = String(n);
    field.setAttribute('aria-label', words('pager.page', { page: format(page + 1), pages: format(n) }));
    of.textContent = ` / ${format(n)}`;
    range.textContent = words('pager.range', { from: format(from), to: format(to), total: format(total) });
    for (const [b, off] of [[first, page === 0], [prev, page === 0], [next, page >= n - 1], [last, page >= n - 1]]) b.setAttribute('aria-disabled', off ? 'true' : 'false');
    element.hidden = total <= size;
  }

  /** Shows page `to` (0-based, clamped): the host fills rows [from, to). */
  function go(to) {
    page = Math.min(Math.max(0, Math.trunc(Number(to) || 0)), pages() - 1);
    show();
    onPage(page * size, Math.min(total, (page + 1) * size), page);
  }

  // On paper there are no buttons: the whole table is printed (up to PRINT_ROWS rows), and the
  // page on screen comes back afterwards. A pager no longer in the document stops listening.
  const printing = () => {
    if (!element.isConnected) return stop();
    if (total > size && total <= PRINT_ROWS) onPage(0, total, page);
  };
  const printed = () => {
    if (!element.isConnected) return stop();
    if (total > size && total <= PRINT_ROWS) go(page);
  };
  function stop() {
    window.removeEventListener('beforeprint', printing);
    window.removeEventListener('afterprint', printed);
  }
  window.addEventListener('beforeprint', printing);
  window.addEventListener('afterprint', printed);

  return {
    element,
    /** The current page (0-based). */
    get page() {
      return page;
    },
    /** Pages in all. */
    get pages() {
      return pages();
    },
    /** A new number of items; shows page `at` (default the first). */
    set(count, at = 0) {
      total = Math.max(0, count | 0);
      go(at);
    },
    go,
  };
}
