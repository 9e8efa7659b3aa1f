import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import type { ValueStore } from '../collab/ValueStore.ts';
import { findSyncBinding, resolveAnchor } from '../flags/flagAnchors.ts';
import { diffMapping, drawnRanges, isDrawable, isDrawnAsLaidOut, type FlagDecorationSpec } from '../flags/flagDrawing.ts';
import { EMPTY_FLAG_LAYOUT, isSameLayout, layoutFlags, type FlagLayout, type FlagRange } from '../flags/flagLayout.ts';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { RecomputeTimer } from '../flags/RecomputeTimer.ts';
import { flagAtSelection } from '../flags/flagAtSelection.ts';
import { OPEN_FLAG_KEY } from '../flags/flagKindWords.ts';
import { innermostFlagAt, isStillTyping, trackFlagsAt, trackingDecoration } from '../flags/typingFlags.ts';
import { canPaintTypingHighlights, TypingHighlightPainter } from '../flags/TypingHighlightPainter.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    flagHighlights: {
      /** Lights up one flag's span (hover in the panel), or none. */
      setHoveredFlag: (id: string | null) => ReturnType;
      /** Marks the flag whose thread is open, or none. */
      setActiveFlag: (id: string | null) => ReturnType;
      /** Clean copy: hides every flag (true) or shows them again. */
      setFlagsHidden: (isHidden: boolean) => ReturnType;
      /** Selects a flag's text and scrolls it into view; false when the text is gone. */
      selectFlag: (id: string) => ReturnType;
    };
  }
}

export interface FlagHighlightsOptions {
  /** The draft's flags (FlagTracker.state). */
  flags: ValueStore<readonly Flag[]> | null;
  /** The pointer entered (id) or left (null) a flagged span. */
  onHoverFlag: (id: string | null) => void;
  /**
   * Open a flag's thread: a flagged span was clicked (the innermost flag under
   * the pointer wins), or OPEN_FLAG_KEY pressed in one (the thread then takes
   * the focus).
   */
  onActivateFlag: (id: string, how: FlagActivation) => void;
}

export type FlagActivation = 'pointer' | 'keys';

export interface FlagHighlightsState {
  flags: readonly Flag[];
  layout: FlagLayout;
  decorations: DecorationSet;
  hoveredId: string | null;
  activeId: string | null;
  isHidden: boolean;
  /** Whether the last change of the copy came through Yjs (someone else's, or the first load). */
  isLastChangeRemote: boolean;
  /** Flags the caret is typing inside, drawn as highlights instead of spans (typingFlags.ts). */
  typingIds: ReadonlySet<string>;
}

const NO_IDS: ReadonlySet<string> = new Set();

type FlagHighlightsMeta =
  | { type: 'layout'; flags: readonly Flag[]; layout: FlagLayout }
  | { type: 'hover'; id: string | null }
  | { type: 'active'; id: string | null }
  | { type: 'hidden'; value: boolean };

export const flagHighlightsKey = new PluginKey<FlagHighlightsState>('flagHighlights');

/**
 * Draws the draft's flags as inline decorations: one `<span class="flag
 * flag--<kind>">` per flag, nested where flags overlap, each with
 * `data-flag-id`. Flags are not marks and never part of the copy.
 *
 * Cost per transaction is kept low: a local edit maps the DecorationSet
 * through the transaction (ProseMirror only touches the changed subtree); a
 * remote edit (which y-prosemirror applies as one whole-document replace)
 * maps through the actual changed range, found by diffing the old and new
 * documents. Either way a full recompute from the Yjs anchors follows: before
 * the browser renders when the flags themselves change or the copy first
 * arrives, and on a timer (RecomputeTimer) soon after a remote edit and only
 * once own typing pauses. A recompute that
 * finds the flags where they are already drawn keeps the drawn set and the
 * layout object, so neither the copy nor the panels redraw for it.
 *
 * Typing inside a flag would redraw its span at every key; such flags are
 * painted as highlights while the caret is in them (typingFlags.ts).
 */
export const FlagHighlights = Extension.create<FlagHighlightsOptions>({
  name: 'flagHighlights',

  addOptions() {
    return { flags: null, onHoverFlag: () => {}, onActivateFlag: () => {} };
  },

  addCommands() {
    const meta =
      (value: FlagHighlightsMeta) =>
      ({ tr, dispatch }: { tr: Transaction; dispatch?: (tr: Transaction) => void }) => {
        if (dispatch) tr.setMeta(flagHighlightsKey, value).setMeta('addToHistory', false);
        return true;
      };
    return {
      setHoveredFlag: (id) => meta({ type: 'hover', id }),
      setActiveFlag: (id) => meta({ type: 'active', id }),
      setFlagsHidden: (value) => meta({ type: 'hidden', value }),
      selectFlag:
        (id) =>
        ({ state, tr, dispatch }) => {
          const range = findFlagRange(state, id);
          if (!range) return false;
          if (dispatch) {
            tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)).scrollIntoView();
            tr.setMeta(flagHighlightsKey, { type: 'active', id } satisfies FlagHighlightsMeta);
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      [OPEN_FLAG_KEY]: ({ editor }) => {
        const plugin = flagHighlightsKey.getState(editor.state);
        if (!plugin || plugin.isHidden) return false;
        const { from, to } = editor.state.selection;
        const id = flagAtSelection(plugin.decorations, from, to);
        if (!id) return false;
        this.options.onActivateFlag(id, 'keys');
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<FlagHighlightsState>({
        key: flagHighlightsKey,
        state: {
          init: () => ({
            flags: [],
            layout: EMPTY_FLAG_LAYOUT,
            decorations: DecorationSet.empty,
            hoveredId: null,
            activeId: null,
            isHidden: false,
            isLastChangeRemote: true,
            typingIds: NO_IDS,
          }),
          apply: (tr, previous, _oldState, newState) => applyTransaction(tr, previous, newState.doc),
        },
        props: {
          decorations: (state) => flagHighlightsKey.getState(state)?.decorations,
          handleDOMEvents: {
            mouseover: (view, event) => {
              options.onHoverFlag(flagIdAt(event.target) ?? typingFlagAt(view, event));
              return false;
            },
            mouseleave: () => {
              options.onHoverFlag(null);
              return false;
            },
          },
          handleClick: (view, pos, event) => {
            const id = flagIdAt(event.target) ?? typingFlagAt(view, event);
            // Shift+click extends a selection, as anywhere else.
            if (!id || event.shiftKey) return false;
            // The caret goes where the click was, set here rather than read from the page: opening the
            // flag redraws its span as the open one, and ProseMirror would put back the selection it
            // held before the click. Words selected before (a flag just raised on them) give way too.
            view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
            options.onActivateFlag(id, 'pointer');
            return true;
          },
        },
        view: (view) => {
          const scheduler = new RecomputeScheduler(view, options.flags);
          const painter = new TypingHighlightPainter();
          return {
            update: (updated, previous) => {
              scheduler.update(updated, previous);
              painter.update(updated, flagHighlightsKey.getState(updated.state));
            },
            destroy: () => {
              scheduler.destroy();
              painter.destroy();
            },
          };
        },
      }),
    ];
  },
});

/** The innermost flag being typed in under the pointer: such flags have no element of their own to find it from. */
function typingFlagAt(view: EditorView, event: MouseEvent): string | null {
  const plugin = flagHighlightsKey.getState(view.state);
  if (!plugin || plugin.typingIds.size === 0) return null;
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  return at ? innermostFlagAt(plugin.decorations, at.pos) : null;
}

/** The innermost flag id at a DOM node, or null. */
function flagIdAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest('[data-flag-id]')?.getAttribute('data-flag-id') ?? null;
}

function applyTransaction(tr: Transaction, previous: FlagHighlightsState, doc: ProseMirrorNode): FlagHighlightsState {
  const meta = tr.getMeta(flagHighlightsKey) as FlagHighlightsMeta | undefined;
  let state = previous;
  if (tr.docChanged) {
    // y-prosemirror replaces the whole document for a remote change; map only through what differs.
    const isRemote = isChangeOrigin(tr);
    const mapping = isRemote ? diffMapping(tr.before, doc) : tr.mapping;
    state = { ...state, decorations: state.decorations.map(mapping, doc), isLastChangeRemote: isRemote };
  }
  const head = tr.selection.empty ? tr.selection.head : null;
  if (tr.docChanged || tr.selectionSet) state = followTyping(state, tr, doc, head);
  if (!meta) return state;
  // Hover, active and hidden redraw from where the flags are now, not from the last layout.
  let ranges = currentRanges(state);
  switch (meta.type) {
    case 'layout': {
      const isSameFlags = meta.flags === state.flags;
      const previousLevels = state.layout.levels;
      state = { ...state, flags: meta.flags, layout: isSameLayout(state.layout, meta.layout) ? state.layout : meta.layout };
      if (isSameFlags && !state.isHidden && isDrawnAsLaidOut(ranges, previousLevels, meta.layout, doc.content.size)) return state;
      ranges = meta.layout.ranges;
      break;
    }
    case 'hover':
      if (meta.id === state.hoveredId) return state;
      state = { ...state, hoveredId: meta.id };
      break;
    case 'active':
      if (meta.id === state.activeId) return state;
      state = { ...state, activeId: meta.id };
      break;
    case 'hidden':
      if (meta.value === state.isHidden) return state;
      state = { ...state, isHidden: meta.value };
      break;
  }
  return withDecorations(state, ranges, doc, stillTyping(state, head));
}

/**
 * After an edit or a caret move: an own edit turns the flags under the caret
 * into tracking ones; flags the caret has left are drawn as spans again.
 */
function followTyping(state: FlagHighlightsState, tr: Transaction, doc: ProseMirrorNode, head: number | null): FlagHighlightsState {
  const isOwnKeystroke =
    tr.docChanged && !state.isLastChangeRemote && head !== null && tr.getMeta('composition') === undefined && canPaintTypingHighlights;
  if (isOwnKeystroke) {
    const tracked = trackFlagsAt(state.decorations, doc, head);
    const typingIds = tracked.ids.size > 0 ? tracked.ids : NO_IDS;
    if ([...state.typingIds].every((id) => typingIds.has(id))) return { ...state, decorations: tracked.decorations, typingIds };
    return withDecorations(state, drawnRanges(state.decorations), doc, typingIds);
  }
  if (state.typingIds.size === 0 || isCaretInTypedFlags(state, head)) return state;
  return withDecorations(state, drawnRanges(state.decorations), doc, NO_IDS);
}

const isCaretInTypedFlags = (state: FlagHighlightsState, head: number | null): boolean =>
  head !== null && isStillTyping(state.decorations, state.typingIds, head);

/** The flags typed in that still hold the caret (all of them, or none: the caret has moved on). */
const stillTyping = (state: FlagHighlightsState, head: number | null): ReadonlySet<string> =>
  isCaretInTypedFlags(state, head) ? state.typingIds : NO_IDS;

function withDecorations(
  state: FlagHighlightsState,
  ranges: ReadonlyMap<string, FlagRange>,
  doc: ProseMirrorNode,
  typingIds: ReadonlySet<string>,
): FlagHighlightsState {
  const typing = state.isHidden ? NO_IDS : typingIds;
  return { ...state, typingIds: typing, decorations: buildDecorations(state, ranges, doc, typing) };
}

/** Each drawn flag's span as mapped through the edits since the last layout (the layout's while hidden). */
function currentRanges(state: FlagHighlightsState): ReadonlyMap<string, FlagRange> {
  return state.isHidden ? state.layout.ranges : drawnRanges(state.decorations);
}

function buildDecorations(
  state: FlagHighlightsState,
  ranges: ReadonlyMap<string, FlagRange>,
  doc: ProseMirrorNode,
  typingIds: ReadonlySet<string>,
): DecorationSet {
  if (state.isHidden) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const byId = new Map(state.flags.map((flag) => [flag.id, flag]));
  for (const id of state.layout.order) {
    const range = ranges.get(id) ?? null;
    const flag = byId.get(id);
    if (!flag || !isDrawable(range, doc.content.size)) continue;
    if (typingIds.has(id)) {
      decorations.push(trackingDecoration(range.from, range.to, id));
      continue;
    }
    const isResolved = flag.status === FLAG_STATUSES.resolved;
    const classes = [
      'flag',
      `flag--${flag.kind}`,
      `flag--level-${state.layout.levels.get(id) ?? 0}`,
      isResolved ? 'flag--resolved' : 'flag--open',
      id === state.hoveredId ? 'flag--hovered' : '',
      id === state.activeId ? 'flag--active' : '',
    ];
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          nodeName: 'span',
          class: classes.filter(Boolean).join(' '),
          'data-flag-id': id,
          'data-flag-kind': flag.kind,
          title: `${FLAG_KIND_WORDS[flag.kind].label}${isResolved ? ' (resolved)' : ''} — flagged by ${flag.createdBy.name}`,
        },
        { flagId: id } satisfies FlagDecorationSpec,
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * The span of a flag now: from its decoration (mapped through every edit
 * since the last recompute), else from the last layout. Null when its text is
 * gone.
 */
export function findFlagRange(state: EditorState, id: string): FlagRange {
  const plugin = flagHighlightsKey.getState(state);
  if (!plugin) return null;
  const found = drawnRanges(plugin.decorations, id).get(id);
  if (found) return found;
  const range = plugin.layout.ranges.get(id) ?? null;
  return range && range.to <= state.doc.content.size ? range : null;
}

/** True for a document of empty text blocks only (each is two positions); cheap at any size. */
const hasNoText = (doc: ProseMirrorNode): boolean => doc.content.size <= doc.childCount * 2;

/**
 * Resolves every flag's anchors again when RecomputeTimer says so. The result
 * arrives as a transaction (no history, no copy change).
 */
class RecomputeScheduler {
  private readonly timer = new RecomputeTimer(() => this.recompute());
  private readonly unsubscribe: () => void;
  private isQueuedBeforeRender = false;

  constructor(
    private readonly view: EditorView,
    private readonly flags: ValueStore<readonly Flag[]> | null,
  ) {
    this.unsubscribe = flags?.subscribe(() => this.recomputeBeforeRender()) ?? (() => {});
    this.timer.schedule('now');
  }

  update(view: EditorView, previous: EditorState): void {
    if (view.state.doc === previous.doc) return;
    // The copy arriving in an empty page (the draft just opened) is flagged at once, not after
    // the wait that gathers a burst of remote edits.
    if (hasNoText(previous.doc)) {
      this.recomputeBeforeRender();
      return;
    }
    const isRemote = flagHighlightsKey.getState(view.state)?.isLastChangeRemote ?? true;
    this.timer.schedule(isRemote ? 'soon' : 'after-pause');
  }

  destroy(): void {
    this.unsubscribe();
    this.timer.cancel();
  }

  /**
   * For the flags themselves changing and the copy's first arrival: a
   * microtask, so the flags are drawn in the task that brought them, before
   * the browser renders. The copy of a draft just opened, whose text and flags
   * come in one sync message, is then laid out and painted once, flagged,
   * rather than bare first and flagged a frame later.
   */
  private recomputeBeforeRender(): void {
    this.timer.cancel();
    if (this.isQueuedBeforeRender) return;
    this.isQueuedBeforeRender = true;
    queueMicrotask(() => {
      this.isQueuedBeforeRender = false;
      this.recompute();
    });
  }

  private recompute(): void {
    const { view } = this;
    if (view.isDestroyed) return;
    const binding = findSyncBinding(view.state);
    const flags = this.flags?.get() ?? [];
    if (!binding) {
      if (flags.length > 0) this.timer.schedule('soon');
      return;
    }
    const size = view.state.doc.content.size;
    const layout = layoutFlags(flags, (flag) => [
      resolveAnchor(binding, flag.start, size),
      resolveAnchor(binding, flag.end, size),
    ]);
    const meta: FlagHighlightsMeta = { type: 'layout', flags, layout };
    view.dispatch(view.state.tr.setMeta(flagHighlightsKey, meta).setMeta('addToHistory', false));
  }
}
