import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import type { Flag } from '../../../shared/annotations/types.ts';

/** A card's height until it is measured: a two-line quote's card. */
const ESTIMATED_CARD_PX = 104;
/** The list's gap between cards (annotations.css); the virtualizer places the cards itself. */
const CARD_GAP_PX = 8;
/** Cards kept drawn beyond each edge of the panel, so a quick scroll rarely shows a blank. */
const OVERSCAN = 4;

export interface VirtualFlagItemsProps {
  flags: readonly Flag[];
  renderCard: (flag: Flag) => ReactNode;
}

/**
 * A long flag list with only the cards near the panel's view in the page.
 * Chromium checks every card of a list at every frame, typing in the copy
 * included; with hundreds of cards that check alone took about a millisecond
 * a frame. Each card says where it stands in the whole list (aria-posinset
 * of aria-setsize), and the focused card and its neighbours stay drawn
 * wherever the panel is scrolled, so Tab and Shift+Tab walk the whole list
 * and focus is never dropped.
 */
export function VirtualFlagItems({ flags, renderCard }: VirtualFlagItemsProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const scrollerRef = useRef<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : flags.findIndex((flag) => flag.id === focusedId);

  const rangeExtractor = useCallback((range: Range) => withNeighbours(defaultRangeExtractor(range), focusedIndex, range.count), [focusedIndex]);
  const getScrollElement = useCallback(() => {
    if (!scrollerRef.current && listRef.current) scrollerRef.current = scrollParentOf(listRef.current);
    return scrollerRef.current;
  }, []);
  const getItemKey = useCallback((index: number) => flags[index]?.id ?? index, [flags]);
  const estimateSize = useCallback(() => ESTIMATED_CARD_PX, []);

  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: flags.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    rangeExtractor,
    gap: CARD_GAP_PX,
    overscan: OVERSCAN,
    scrollMargin,
  });

  // The filters and the count sit above the list in the same scrolling panel; where the list starts
  // in it moves only when they reflow, which renders the list again (the panel's size changed).
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = getScrollElement();
    if (!list || !scroller) return;
    const margin = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientTop);
    if (margin !== scrollMargin) setScrollMargin(margin);
  });

  const onFocus = (event: FocusEvent<HTMLOListElement>) => {
    const id = (event.target as HTMLElement).closest('[data-flag-card]')?.getAttribute('data-flag-card');
    if (id) setFocusedId(id);
  };
  const onBlur = (event: FocusEvent<HTMLOListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null);
  };

  return (
    <ol ref={listRef} className="flag-list__items flag-list__items--virtual" style={{ height: virtualizer.getTotalSize() }} onFocus={onFocus} onBlur={onBlur}>
      {virtualizer.getVirtualItems().map((item) => {
        const flag = flags[item.index]!;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-setsize={flags.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {renderCard(flag)}
          </li>
        );
      })}
    </ol>
  );
}

/** The drawn indexes with `index` and the cards either side of it added, in order. */
export function withNeighbours(indexes: number[], index: number, count: number): number[] {
  if (index < 0 || index >= count) return indexes;
  const kept = new Set(indexes);
  for (let at = Math.max(0, index - 1); at <= Math.min(count - 1, index + 1); at++) kept.add(at);
  return kept.size === indexes.length ? indexes : [...kept].sort((a, b) => a - b);
}

/** The nearest ancestor that scrolls vertically (the panel's body), or the page. */
function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === 'auto' || overflowY === 'scroll') return parent;
  }
  return document.scrollingElement as HTMLElement;
}
