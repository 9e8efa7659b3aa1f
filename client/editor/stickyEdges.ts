/** Room left between the caret and a sticky bar when either the browser or ProseMirror scrolls it into view. */
const GAP_PX = 8;

/** How much of the window the editor's sticky bars cover, in pixels, gap included. */
export interface StickyEdges {
  top: number;
  bottom: number;
}

/**
 * Keeps `edges` at what the sticky bars of an open draft cover: at the top
 * the app's top bar and the formatting toolbar under it (whose height changes
 * as its buttons wrap), at the bottom the word count. The same figures go to
 * CSS variables on the root element, which editor.css turns into the page's
 * `scroll-padding`: the browser then reveals the caret below the toolbar when
 * it moves it itself (arrows, Page Up/Down), as ProseMirror does from `edges`
 * (its scrollMargin and scrollThreshold) when a transaction scrolls. Without
 * them a line the caret is on can sit under the toolbar, out of sight.
 */
export function watchStickyEdges(root: HTMLElement, edges: StickyEdges): () => void {
  const toolbar = root.querySelector<HTMLElement>('.draft-editor__toolbar');
  const statusline = root.querySelector<HTMLElement>('.statusline');
  const style = document.documentElement.style;
  const measure = () => {
    edges.top = toolbar ? (parseFloat(getComputedStyle(toolbar).top) || 0) + toolbar.offsetHeight + GAP_PX : 0;
    edges.bottom = statusline ? statusline.offsetHeight + GAP_PX : 0;
    style.setProperty('--editor-sticky-top', `${edges.top}px`);
    style.setProperty('--editor-sticky-bottom', `${edges.bottom}px`);
  };
  measure();
  const observer = new ResizeObserver(measure);
  for (const element of [toolbar, statusline]) if (element) observer.observe(element);
  return () => {
    observer.disconnect();
    style.removeProperty('--editor-sticky-top');
    style.removeProperty('--editor-sticky-bottom');
  };
}

/** ProseMirror's scrollMargin / scrollThreshold for `edges`, read afresh at every scroll. */
export function scrollSidesOf(edges: StickyEdges, sides: number): { top: number; bottom: number; left: number; right: number } {
  return {
    get top() {
      return edges.top;
    },
    get bottom() {
      return edges.bottom;
    },
    left: sides,
    right: sides,
  };
}
