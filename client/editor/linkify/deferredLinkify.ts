import type * as Linkify from 'linkifyjs';

/**
 * linkifyjs, loaded after the draft is open. Tiptap's Link extension imports
 * it for two conveniences: turning a typed URL into a link when a space
 * follows it, and linking a pasted URL. That is 10 KiB gzip that opening a
 * draft would otherwise wait for. The browser build resolves Link's
 * `linkifyjs` import to this module (see vite.config.ts), so the editor gets
 * the same functions with the real ones behind them once `loadLinkify()` has
 * run (the editor calls it once the copy is on screen); until then they find
 * no links. They never start the load themselves: Link looks for a URL after
 * every change, the draft's first sync included, which would fetch the
 * library while the copy is still being drawn. The server and tests import
 * the real library directly.
 */
const RETRY_AFTER_MS = 30_000;

let linkify: typeof Linkify | null = null;
let loading: Promise<void> | null = null;
/** When the last load failed, if it did. */
let failedAt: number | null = null;
/** Custom schemes registered before the library arrived, replayed into it on load. */
const pendingSchemes: Array<[scheme: string, optionalSlashSlash: boolean | undefined]> = [];

export function loadLinkify(): Promise<void> {
  loading ??= import('linkifyjs').then(
    (module) => {
      for (const [scheme, optionalSlashSlash] of pendingSchemes.splice(0)) module.registerCustomProtocol(scheme, optionalSlashSlash);
      linkify = module;
    },
    (error: unknown) => {
      // Links can still be made with the link dialog.
      loading = null;
      failedAt = Date.now();
      console.warn('Automatic links are unavailable: their code did not load.', error);
    },
  );
  return loading;
}

/**
 * After a failed load, tries again as the person types, but not at every word:
 * the chunk may be gone for good (a deploy removed it).
 */
function retryAfterFailure(): void {
  if (failedAt !== null && Date.now() - failedAt >= RETRY_AFTER_MS) void loadLinkify();
}

export function find(...args: Parameters<typeof Linkify.find>): ReturnType<typeof Linkify.find> {
  if (linkify) return linkify.find(...args);
  retryAfterFailure();
  return [];
}

export function tokenize(text: string): ReturnType<typeof Linkify.tokenize> {
  if (linkify) return linkify.tokenize(text);
  retryAfterFailure();
  return [];
}

export function registerCustomProtocol(scheme: string, optionalSlashSlash?: boolean): void {
  if (linkify) linkify.registerCustomProtocol(scheme, optionalSlashSlash);
  else pendingSchemes.push([scheme, optionalSlashSlash]);
}

export function reset(): void {
  pendingSchemes.length = 0;
  linkify?.reset();
}
