import type { Awareness } from 'y-protocols/awareness';

/** The part of Awareness the caret extension (CollaborationCaret, y-tiptap's cursor plugin) uses. */
export type CaretAwareness = Pick<Awareness, 'states' | 'getStates' | 'getLocalState' | 'on' | 'off' | 'setLocalStateField'>;

export interface PacingTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

type AwarenessListener = (changes: unknown, origin: unknown) => void;
interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
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
 * Its 'change' event leaves out changes of this person's state alone.
 */
export function pacedCaretAwareness(
  awareness: Awareness,
  timers: PacingTimers = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => performance.now(),
  },
): CaretAwareness {
  // 'change' listeners (the cursor plugin) hear only of other people's
  // states: it draws no caret for this person, yet rebuilt every caret's
  // decoration, in a ProseMirror transaction, at each of our own publications.
  const forOthers = new WeakMap<AwarenessListener, AwarenessListener>();
  const othersOnly = (listener: AwarenessListener): AwarenessListener => {
    let wrapped = forOthers.get(listener);
    if (!wrapped) {
      wrapped = (changes, origin) => {
        const { added, updated, removed } = changes as AwarenessChanges;
        const isOwnAlone = [added, updated, removed].every((ids) => ids.every((id) => id === awareness.clientID));
        if (!isOwnAlone) listener(changes, origin);
      };
      forOthers.set(listener, wrapped);
    }
    return wrapped;
  };
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
    on: (event: string, listener: AwarenessListener) => awareness.on(event, event === 'change' ? othersOnly(listener) : listener),
    off: (event: string, listener: AwarenessListener) => awareness.off(event, (event === 'change' && forOthers.get(listener)) || listener),
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
