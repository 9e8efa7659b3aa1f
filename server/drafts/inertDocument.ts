import { createRequire } from 'node:module';
import type { IOptionalBrowserSettings } from 'happy-dom';

type HappyDom = typeof import('happy-dom');
let happyDom: HappyDom | undefined;

/**
 * happy-dom, loaded on first use. Only HTML import and export need it, and
 * loading it costs about 0.7 s and 40 MiB, so a server that never sees either
 * does not pay at boot. Synchronous, so the parsing and serializing built on
 * it stay so (requiring an ES module needs Node 20.19, as package.json says).
 */
function loadHappyDom(): HappyDom {
  happyDom ??= createRequire(import.meta.url)('happy-dom') as HappyDom;
  return happyDom;
}

/**
 * happy-dom behaves like a browser: with its default settings, parsing
 * `<iframe src>` or `<link rel=stylesheet>` makes the server fetch that URL
 * (measured), which an uploaded file must never be able to do. Every switch
 * that loads, navigates or runs something is off, and any request that still
 * gets made is answered here with a refusal instead of reaching the network.
 */
export const INERT_WINDOW_SETTINGS: IOptionalBrowserSettings = {
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableComputedStyleRendering: true,
  disableIframePageLoading: true,
  handleDisabledFileLoadingAsSuccess: false,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
  fetch: {
    interceptor: {
      beforeAsyncRequest: async ({ window }) =>
        new window.Response(null, { status: 403, statusText: 'Imports do not fetch' }),
    },
  },
};

/**
 * Parses `html` into a throwaway document and returns what `read` makes of it.
 * The window is closed before returning, also when `read` throws, so nothing
 * of the upload outlives the call; `read` must not keep references to the DOM.
 * `read` must stay synchronous: happy-dom starts loading resources on a later
 * tick, and closing first is the other half of why nothing is ever fetched.
 */
export function readInertDocument<T>(html: string, read: (document: Document) => T): T {
  return withInertWindow((window) => read(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document));
}

/**
 * Runs `use` with a throwaway window whose every loading switch is off (see
 * INERT_WINDOW_SETTINGS) and closes it before returning, also when `use`
 * throws. `use` must stay synchronous and keep no references to the DOM.
 */
export function withInertWindow<T>(use: (window: InstanceType<HappyDom['Window']>) => T): T {
  const window = new (loadHappyDom().Window)({ settings: INERT_WINDOW_SETTINGS });
  try {
    return use(window);
  } finally {
    // Not awaited: the caller is synchronous, and nothing is loading that needs to finish.
    // A failure to tear down must not become an unhandled rejection that ends the process.
    window.happyDOM.abort().catch(() => undefined);
    window.happyDOM.close().catch(() => undefined);
  }
}
