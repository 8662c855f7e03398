// Look-ups over the engine's vocabularies(): every closed set of the format (pillars and their
// sub-dimensions, horizons, statuses, quick-win states, dimensions, sources, readiness aspects
// and bands, region kinds, severities, national indices, the no-agency label), in canonical
// order, each item `{ id, label: { id, en }, … }`. The page, the batch view and the widget take
// every list and every label of these from here; no JS file restates them.

import { pick } from './strings.js';

/**
 * @param {object} raw the engine's vocabularies()
 * @returns {{ raw: object, list: (kind: string) => object[], item: (kind: string, id: string) => object|undefined,
 *   label: (kind: string, id: string, locale: string) => string, noAgency: (locale: string) => string }}
 */
export function vocabulary(raw) {
  const maps = new Map();
  const index = (kind, list) => maps.set(kind, new Map(list.map((item) => [item.id, item])));
  for (const [kind, list] of Object.entries(raw)) if (Array.isArray(list)) index(kind, list);
  index('sub_dimensions', (raw.pillars ?? []).flatMap((p) => p.sub_dimensions ?? []));
  return {
    raw,
    /** The items of a set, in canonical order. */
    list: (kind) => raw[kind] ?? [],
    /** One item by id, or undefined. */
    item: (kind, id) => maps.get(kind)?.get(id),
    /** The official label of an id in `locale`; the id itself if the set does not know it. */
    label: (kind, id, locale) => {
      const item = maps.get(kind)?.get(id);
      return item ? pick(item.label, locale) : String(id ?? '');
    },
    /** The label of the group of programs without a lead agency. */
    noAgency: (locale) => pick(raw.no_agency, locale),
  };
}
