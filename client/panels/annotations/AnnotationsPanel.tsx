import type { Editor } from '@tiptap/core';
import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AccountSummary } from '../../../shared/api/auth.ts';
import { FLAG_KIND_NAMES, FLAG_STATUSES } from '../../../shared/annotations/kinds.ts';
import { canComment } from '../../../shared/annotations/rules.ts';
import type { Flag, PersonRef } from '../../../shared/annotations/types.ts';
import type { DirectoryPerson } from '../../../shared/api/people.ts';
import { legalReportUrl } from '../../api/annotations.ts';
import type { DraftSession } from '../../editor/collab/createDraftSession.ts';
import { useDeskRootRevisions, useFlags } from '../../editor/collab/useDraftSession.ts';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { useFlagLayout } from '../../editor/flags/useFlagLayout.ts';
import { Icon } from '../../ui/Icon.tsx';
import { ActivityList } from './ActivityList.tsx';
import { scrollToFlag } from './scrollToFlag.ts';
import '../../styles/annotations.css';
import { countFlags, deadlineParts } from './flagCounts.ts';
import { FlagList } from './FlagList.tsx';
import { FlagThread, type StepDirection, type ThreadArrival } from './FlagThread.tsx';
import { DEFAULT_FLAG_FILTERS, inDocumentOrder, neighboursOf, type FlagFilters } from './flagFilters.ts';
import { KindSwatch } from './KindBadge.tsx';
import { usePeopleDirectory } from './PeopleDirectory.tsx';

export interface AnnotationsPanelProps {
  draftId: string;
  session: DraftSession;
  editor: Editor;
  account: AccountSummary;
  /** The flag whose thread is open, or null for the list. */
  openFlagId: string | null;
  onOpenFlag: (id: string | null) => void;
  /** How a flag was just opened from the copy: its thread may take the focus once shown. */
  threadArrival?: ThreadArrival | null;
  onThreadArrived?: () => void;
  hoveredFlagId: string | null;
  onHoverFlag: (id: string | null) => void;
  /** The History tab's content (versions and sign-offs); no tab without it. */
  history?: ReactNode;
  /** Asks to show the History tab (a sign-off's "view in history"); bumps to show it again. */
  showHistoryRequest?: number;
}

type Tab = 'flags' | 'activity' | 'history';

const TAB_LABELS: Record<Tab, string> = { flags: 'All flags', activity: 'Activity', history: 'History' };

/**
 * The flags of a draft beside the copy: the deadline counts, a legend, the
 * list in document order (or one flag's thread), and the activity log. Reads
 * the flags live from the editor's session; writes through the REST client.
 */
export function AnnotationsPanel(props: AnnotationsPanelProps) {
  const { draftId, session, editor, openFlagId, onOpenFlag, hoveredFlagId } = props;
  const flags = useFlags(session);
  const deskRevisions = useDeskRootRevisions(session);
  const deskKey = Object.values(deskRevisions).join(',');
  const layout = useFlagLayout(editor);
  const counts = useMemo(() => countFlags(flags), [flags]);
  const [tab, setTab] = useState<Tab>('flags');
  const tabs: Tab[] = props.history === undefined ? ['flags', 'activity'] : ['flags', 'activity', 'history'];
  useEffect(() => {
    if (props.showHistoryRequest) setTab('history');
  }, [props.showHistoryRequest]);
  // A flag opened from the copy shows its thread whichever tab was open (the same flag again too).
  useEffect(() => {
    if (openFlagId) setTab('flags');
  }, [openFlagId, props.threadArrival]);
  const tabsId = useId();
  // Until (or unless) the directory answers, the people this draft already names can be chosen.
  const directory = usePeopleDirectory();
  const people = useMemo(() => assignablePeople(directory, flags, props.account), [directory, flags, props.account]);
  const openFlag = openFlagId ? flags.find((flag) => flag.id === openFlagId) : undefined;
  // Kept here, not in the list, so they hold while a thread is open and when the list comes back.
  const [filters, setFilters] = useState<FlagFilters>(DEFAULT_FLAG_FILTERS);
  const ordered = useMemo(() => inDocumentOrder(flags, layout.order), [flags, layout]);
  // The flag last reached by a step, and which way: its thread puts the focus back on that button.
  const [stepped, setStepped] = useState<{ flagId: string; direction: StepDirection } | null>(null);

  // The editor lights up what the panel points at, and marks the open thread's span.
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setHoveredFlag(hoveredFlagId);
  }, [editor, hoveredFlagId]);
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setActiveFlag(openFlag ? openFlag.id : null);
  }, [editor, openFlag]);

  // A flag opened from a link (#flag-<id>) is selected as soon as its span is known, and brought to the
  // middle of the window. One opened from the copy is in view there already (its thread may need the
  // scroll), and keeps the caret where the click or the keys put it: with its words selected, the next
  // key would replace them.
  const selectedOnArrival = useRef<string | null>(null);
  const isFromCopy = props.threadArrival?.flagId === openFlagId;
  useEffect(() => {
    if (!openFlagId) {
      // Closed: the same flag opened again later (a second click on its inbox link, say) is an arrival again.
      selectedOnArrival.current = null;
      return;
    }
    if (selectedOnArrival.current === openFlagId || !layout.ranges.get(openFlagId)) return;
    selectedOnArrival.current = openFlagId;
    if (isFromCopy) return;
    if (editor.commands.selectFlag(openFlagId)) scrollToFlag(editor, openFlagId);
  }, [editor, openFlagId, layout, isFromCopy]);

  // Stable, so the memoized flag cards do not all render again with the panel.
  const showFlag = useCallback(
    (id: string) => {
      setStepped(null);
      setTab('flags');
      onOpenFlag(id);
      selectedOnArrival.current = id;
      if (editor.commands.selectFlag(id)) scrollToFlag(editor, id);
    },
    [editor, onOpenFlag],
  );

  return (
    <aside className="annotations" aria-labelledby={`${tabsId}-title`}>
      <header className="annotations__head">
        <div className="annotations__title-row">
          <h2 id={`${tabsId}-title`} className="annotations__title">
            Flags
          </h2>
          <a className="button button--quiet button--small" href={legalReportUrl(draftId)} target="_blank" rel="noopener">
            <Icon name="report" />
            Legal report
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </div>
        <p className="annotations__summary" aria-live="polite">
          {/* Each part kept whole on a line, so a narrow panel wraps between them. */}
          {deadlineParts(counts).map((part, index) => (
            <Fragment key={index}>
              {index > 0 && ' · '}
              <span className="nowrap">{part}</span>
            </Fragment>
          ))}
        </p>
        <ul className="annotations__open-counts" aria-label="Open flags by kind">
          {FLAG_KIND_NAMES.map((kind) => {
            // Each count lists those flags: the quickest way to the open legal risks. Pressed again, the list shows all.
            const isListed = filters.kind === kind && filters.status === FLAG_STATUSES.open && filters.author === 'all';
            return (
              <li key={kind} className={`open-count open-count--${kind}`}>
                <button
                  type="button"
                  className="open-count__button"
                  aria-pressed={isListed}
                  title={isListed ? 'Show every open flag' : `List the open ${FLAG_KIND_WORDS[kind].plural}`}
                  onClick={() => {
                    setFilters(isListed ? DEFAULT_FLAG_FILTERS : { kind, status: FLAG_STATUSES.open, author: 'all' });
                    setTab('flags');
                    onOpenFlag(null);
                  }}
                >
                  {FLAG_KIND_WORDS[kind].label}: <strong>{counts.openByKind[kind]}</strong> open
                </button>
              </li>
            );
          })}
        </ul>
        <details className="legend">
          <summary>Legend</summary>
          <dl className="legend__list">
            {FLAG_KIND_NAMES.map((kind) => (
              <div key={kind} className="legend__item">
                <dt>
                  <KindSwatch kind={kind} />
                </dt>
                <dd>
                  <strong>{FLAG_KIND_WORDS[kind].label}</strong>: {FLAG_KIND_WORDS[kind].style}
                </dd>
              </div>
            ))}
            <div className="legend__item">
              <dt>
                <KindSwatch kind="claim" isResolved />
              </dt>
              <dd>
                <strong>Resolved</strong>: thin grey underline, no tint
              </dd>
            </div>
          </dl>
        </details>
        <div className="tabs" role="tablist" aria-label="Flags, activity and history">
          {tabs.map((name, index) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${tabsId}-${name}`}
              aria-selected={tab === name}
              aria-controls={`${tabsId}-${name}-panel`}
              tabIndex={tab === name ? 0 : -1}
              className="tabs__tab"
              onClick={() => setTab(name)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End') {
                  event.preventDefault();
                  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                  const next =
                    event.key === 'Home' ? tabs[0]! : event.key === 'End' ? tabs[tabs.length - 1]! : tabs[(index + step + tabs.length) % tabs.length]!;
                  setTab(next);
                  document.getElementById(`${tabsId}-${next}`)?.focus();
                }
              }}
            >
              {name === 'flags' ? `${TAB_LABELS.flags} (${flags.length})` : TAB_LABELS[name]}
            </button>
          ))}
        </div>
      </header>
      <div
        className="annotations__body"
        role="tabpanel"
        id={`${tabsId}-${tab}-panel`}
        aria-labelledby={`${tabsId}-${tab}`}
      >
        {tab === 'history' ? (
          props.history
        ) : tab === 'activity' ? (
          <ActivityList draftId={draftId} flags={flags} onShowFlag={showFlag} refreshKey={deskKey} />
        ) : openFlag ? (
          <FlagThread
            {...props}
            // One thread per flag: a reply half typed under one is not carried to the next.
            key={openFlag.id}
            people={people}
            flag={openFlag}
            layout={layout}
            onBack={() => onOpenFlag(null)}
            onSelect={() => {
              showFlag(openFlag.id);
              // Into the copy, the flagged words selected: the keys go on from there.
              if (!editor.isDestroyed) editor.view.focus();
            }}
            neighbours={neighboursOf(ordered, filters, openFlag.id)}
            onStep={(id, direction) => {
              showFlag(id);
              setStepped({ flagId: id, direction });
            }}
            arrivedBy={stepped?.flagId === openFlag.id ? stepped.direction : null}
            arrivedFrom={props.threadArrival?.flagId === openFlag.id ? props.threadArrival.how : null}
            onArrived={props.onThreadArrived}
          />
        ) : (
          <>
            {openFlagId && <p className="note">That flag is not in this draft (or not loaded yet).</p>}
            <FlagList {...props} ordered={ordered} layout={layout} filters={filters} onFiltersChange={setFilters} onShowFlag={showFlag} />
          </>
        )}
      </div>
    </aside>
  );
}

/**
 * Everyone a flag can be assigned to: you first, then the people in the
 * desk's directory whose role works on flags, and anyone this draft already names (who flagged, commented, resolved or
 * was assigned) that the directory does not list.
 */
function assignablePeople(directory: readonly DirectoryPerson[] | null, flags: readonly Flag[], account: AccountSummary): PersonRef[] {
  const people = new Map<string, string>([[account.id, `${account.displayName} (you)`]]);
  const add = (person: PersonRef | undefined) => {
    if (person?.id && !people.has(person.id)) people.set(person.id, person.name);
  };
  for (const person of directory ?? []) if (canComment(person.role)) add(person);
  for (const flag of flags) {
    add(flag.createdBy);
    add(flag.assignee);
    add(flag.resolvedBy);
    for (const comment of flag.comments) add(comment.author);
  }
  return [...people].map(([id, name]) => ({ id, name }));
}

