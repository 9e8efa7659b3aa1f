import { lazy, Suspense, useId, useMemo, type ReactNode } from 'react';
import { FLAG_KIND_NAMES, FLAG_STATUSES, type FlagKind, type FlagStatus } from '../../../shared/annotations/kinds.ts';
import type { Flag } from '../../../shared/annotations/types.ts';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import type { FlagLayout } from '../../editor/flags/flagLayout.ts';
import { useWhenSettled } from '../../editor/useWhenSettled.ts';
import { OptionalPart } from '../../ui/OptionalPart.tsx';
import { FlagCard } from './FlagCard.tsx';
import { matchesFilters, type FlagFilters } from './flagFilters.ts';

export interface FlagListProps {
  /** Every flag of the draft, in document order (see inDocumentOrder). */
  ordered: readonly Flag[];
  layout: FlagLayout;
  /** Kept by the panel, so they hold while a thread is open and after it. */
  filters: FlagFilters;
  onFiltersChange: (filters: FlagFilters) => void;
  hoveredFlagId: string | null;
  onHoverFlag: (id: string | null) => void;
  onShowFlag: (id: string) => void;
}

/**
 * From this many cards on, only those near the panel's view are in the page
 * (VirtualFlagItems). A shorter list is all there, so the browser's find in
 * page reaches every card.
 */
const VIRTUAL_LIST_FROM = 60;

// With its library about 10 KiB gzipped, more than the rest of the panel: a draft opens without
// waiting for it, showing the whole list until it has loaded, once the page is idle.
const VirtualFlagItems = lazy(() => import('./VirtualFlagItems.tsx').then((module) => ({ default: module.VirtualFlagItems })));

/**
 * Every flag in document order, filtered by kind, status and author. Each is
 * one button: it opens the thread and selects the flagged text; hovering it
 * lights up the span in the copy.
 */
export function FlagList({ ordered, layout, filters, onFiltersChange, hoveredFlagId, onHoverFlag, onShowFlag }: FlagListProps) {
  const { kind, status, author } = filters;
  const filterId = useId();

  const authors = useMemo(() => {
    const names = new Map<string, string>();
    for (const flag of ordered) names.set(flag.createdBy.id, flag.createdBy.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [ordered]);

  const placed = useMemo(() => new Set(layout.order), [layout]);
  const shown = useMemo(() => ordered.filter((flag) => matchesFilters(flag, filters)), [ordered, filters]);

  const isLong = shown.length >= VIRTUAL_LIST_FROM;
  const mayDrawLong = useWhenSettled(isLong);

  const renderCard = (flag: Flag) => (
    <FlagCard
      flag={flag}
      isRemoved={placed.has(flag.id) && !layout.ranges.get(flag.id)}
      isHovered={hoveredFlagId === flag.id}
      onHover={onHoverFlag}
      onShow={onShowFlag}
    />
  );

  const wholeList = <WholeFlagList flags={shown} renderCard={renderCard} />;

  return (
    <div className="flag-list">
      <fieldset className="flag-filters">
        <legend className="visually-hidden">Filter flags</legend>
        <label className="flag-filters__field" htmlFor={`${filterId}-kind`}>
          <span>Kind</span>
          <select id={`${filterId}-kind`} className="field__input field__input--compact" value={kind} onChange={(e) => onFiltersChange({ ...filters, kind: e.target.value as FlagKind | 'all' })}>
            <option value="all">All kinds</option>
            {FLAG_KIND_NAMES.map((name) => (
              <option key={name} value={name}>
                {FLAG_KIND_WORDS[name].label}
              </option>
            ))}
          </select>
        </label>
        <label className="flag-filters__field" htmlFor={`${filterId}-status`}>
          <span>Status</span>
          <select id={`${filterId}-status`} className="field__input field__input--compact" value={status} onChange={(e) => onFiltersChange({ ...filters, status: e.target.value as FlagStatus | 'all' })}>
            <option value="all">Any status</option>
            <option value={FLAG_STATUSES.open}>Open</option>
            <option value={FLAG_STATUSES.resolved}>Resolved</option>
          </select>
        </label>
        <label className="flag-filters__field" htmlFor={`${filterId}-author`}>
          <span>Flagged by</span>
          <select id={`${filterId}-author`} className="field__input field__input--compact" value={author} onChange={(e) => onFiltersChange({ ...filters, author: e.target.value })}>
            <option value="all">Anyone</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p className="flag-list__count" role="status">
        {shown.length === ordered.length ? `${shown.length} flags` : `${shown.length} of ${ordered.length} flags shown`}
      </p>
      {shown.length === 0 ? (
        <p className="flag-list__empty muted">
          {ordered.length === 0 ? 'No flags yet. Select text in the copy and flag it from the toolbar.' : 'No flag matches these filters.'}
        </p>
      ) : isLong && mayDrawLong ? (
        <OptionalPart name="The long flag list" fallback={wholeList}>
          <Suspense fallback={wholeList}>
            <VirtualFlagItems flags={shown} renderCard={renderCard} />
          </Suspense>
        </OptionalPart>
      ) : (
        wholeList
      )}
    </div>
  );
}

/** Every card in the page; off-screen ones skip rendering (content-visibility in annotations.css). */
function WholeFlagList({ flags, renderCard }: { flags: readonly Flag[]; renderCard: (flag: Flag) => ReactNode }) {
  return (
    <ol className="flag-list__items">
      {flags.map((flag) => (
        <li key={flag.id}>{renderCard(flag)}</li>
      ))}
    </ol>
  );
}
