// JSON Pointers (RFC 6901) over the masterplan object: the engine locates every problem and
// finding by one, and the editor names every field by one, so a message finds its field.

/** "/programs/3/name" → ["programs", 3, "name"] (array indices as numbers). */
export function parse(pointer) {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** ["programs", 3, "name"] → "/programs/3/name". */
export function format(segments) {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at `segments` in `root`, or undefined. */
export function get(root, segments) {
  let at = root;
  for (const s of segments) {
    if (at === null || typeof at !== 'object') return undefined;
    at = at[s];
  }
  return at;
}

/**
 * Sets the value at `segments` (creating the objects on the way); `undefined` removes the key.
 * Returns the value that was there.
 */
export function set(root, segments, value) {
  let at = root;
  for (const s of segments.slice(0, -1)) {
    if (at[s] === null || typeof at[s] !== 'object') at[s] = {};
    at = at[s];
  }
  const last = segments[segments.length - 1];
  const before = at[last];
  if (value === undefined) {
    if (Array.isArray(at)) at[last] = undefined;
    else delete at[last];
  } else {
    at[last] = value;
  }
  return before;
}

/** The segments with every array index replaced by "*": the field's kind ("/programs/*\/name"). */
export function pattern(segments) {
  return format(segments.map((s) => (typeof s === 'number' ? '*' : s)));
}
