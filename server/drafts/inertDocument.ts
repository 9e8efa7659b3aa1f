import { Window, type IOptionalBrowserSettings } from 'happy-dom';

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
  const window = new Window({ settings: INERT_WINDOW_SETTINGS });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    return read(document as unknown as Document);
  } finally {
    // Not awaited: the caller is synchronous, and nothing is loading that needs to finish.
    // A failure to tear down must not become an unhandled rejection that ends the process.
    window.happyDOM.abort().catch(() => undefined);
    window.happyDOM.close().catch(() => undefined);
  }
}
