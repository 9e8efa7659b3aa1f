import type { Awareness } from 'y-protocols/awareness';

/** The part of Awareness the caret extension (CollaborationCaret, y-tiptap's cursor plugin) uses. */
export type CaretAwareness = Pick<Awareness, 'states' | 'getStates' | 'getLocalState' | 'on' | 'off' | 'setLocalStateField'>;

export interface PacingTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

/** The awareness field y-tiptap's cursor plugin keeps the caret in. */
const CARET_FIELD = 'cursor';
/** Gap kept between two caret publications while the caret keeps moving (typing). */
export const CARET_PUBLISH_GAP_MS = 250;
/** A lone caret move is published this long after it: after the frame that shows it here. */
export const CARET_PUBLISH_DELAY_MS = 40;

/**
 * The awareness the caret extension is given: the same states and events,
 * but the caret field it publishes goes out paced. The extension publishes
 * the caret after every keystroke (its position is anchored to the character
 * before it, so each key moves it) and again after every remote change; each
 * publication is an awareness message of a few hundred bytes that the server
 * relays to everyone in the draft, sent inside the keystroke's frame. Paced,
 * the latest caret goes out a moment after a lone move, and at most every
 * CARET_PUBLISH_GAP_MS while it keeps moving. Removing the caret (the editor
 * lost focus or closed) goes out at once; other fields are not touched.
 */
export function pacedCaretAwareness(
  awareness: Awareness,
  timers: PacingTimers = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => performance.now(),
  },
): CaretAwareness {
  let pending: { value: unknown } | null = null;
  let timer: unknown = null;
  let lastPublishedAt = Number.NEGATIVE_INFINITY;

  const publish = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastPublishedAt = timers.now();
    awareness.setLocalStateField(CARET_FIELD, value);
  };
  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    pending = null;
  };

  return {
    get states() {
      return awareness.states;
    },
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    on: awareness.on.bind(awareness),
    off: awareness.off.bind(awareness),
    setLocalStateField: (field: string, value: unknown) => {
      if (field !== CARET_FIELD || value === null || value === undefined) {
        if (field === CARET_FIELD) cancel();
        awareness.setLocalStateField(field, value);
        return;
      }
      pending = { value };
      if (timer !== null) return;
      const delay = Math.max(CARET_PUBLISH_DELAY_MS, lastPublishedAt + CARET_PUBLISH_GAP_MS - timers.now());
      timer = timers.setTimeout(publish, delay);
    },
  };
}
