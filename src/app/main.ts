// The data worker starts on the published data before the page's own code (MapLibre, the app) has loaded, so the
// table index and the map's tiles load side by side (App asks data.init for the same promise).
import { data } from './state/data.js';
import './app.css';

data.init(new URL('data/', location.href).href).catch(() => {});

const app = Promise.all([import('svelte'), import('./components/App.svelte')]).then(([{ mount }, { default: App }]) => mount(App, { target: document.getElementById('app')! }));

// The page's `load` event now comes before the app has mounted: until App puts its test and bench hooks on
// window.__jiezhi, this placeholder's `ready` waits for them.
const w = window as unknown as { __jiezhi?: { ready: Promise<unknown> } };
const placeholder: { ready: Promise<unknown> } = {
  ready: app.then(async (): Promise<unknown> => {
    while (w.__jiezhi === placeholder) await new Promise((resolve) => setTimeout(resolve, 10));
    return w.__jiezhi?.ready;
  }),
};
w.__jiezhi ??= placeholder;
