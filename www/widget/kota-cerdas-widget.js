// The one script a host page includes:
//   <script type="module" src="https://TOOL/widget/kota-cerdas-widget.js"></script>
//   <kota-cerdas-widget src="/data/masterplan.json" lang="id"></kota-cerdas-widget>
// Defines <kota-cerdas-widget> once: loading this module twice (or two copies of it) is
// harmless, and elements already in the page upgrade when it runs. The class is in
// kota-cerdas-element.js; attributes, events, CSS properties and parts are documented in
// ../custom-elements.json.

import { KotaCerdasWidget } from './kota-cerdas-element.js';

export const TAG = 'kota-cerdas-widget';

if (!customElements.get(TAG)) customElements.define(TAG, KotaCerdasWidget);

export { KotaCerdasWidget };
