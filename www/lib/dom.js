// Element builders for the page, the batch view and the widget. Children that are strings or
// numbers become text nodes, so a value from a user's file is always text, never markup: there
// is no innerHTML anywhere in www/. Attributes are set one by one; `on<event>` functions become
// listeners.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element: `h('p', { class: 'x' }, 'text', child, [more])`. */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element (same rules as `h`). */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
