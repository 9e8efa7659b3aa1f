import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { FlagKind } from '../../shared/annotations/kinds.ts';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import type { DraftSession } from './collab/createDraftSession.ts';
import { useReadiness } from './collab/useDraftSession.ts';
import { draftEditorExtensions } from './draftEditorExtensions.ts';
import type { FlagActivation } from './extensions/FlagHighlights.ts';
import { FlagToolbar } from './FlagToolbar.tsx';
import { selectionAnchors, type SelectionAnchors } from './flags/flagAnchors.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { loadLinkify } from './linkify/deferredLinkify.ts';
import { scrollSidesOf, watchStickyEdges, type StickyEdges } from './stickyEdges.ts';
import { Toolbar } from './Toolbar.tsx';
import { useEditorStateAfterPaint } from './useEditorStateAfterPaint.ts';
import { useWhenSettled } from './useWhenSettled.ts';
import { countDraftWords, type WordCounts } from './wordCounts.ts';
import { OptionalPart } from '../ui/OptionalPart.tsx';
import '../styles/editor.css';
import '../styles/carets.css';
import '../styles/flags.css';

// Only a pointer convenience over a selection, and with its positioning library
// about a twelfth of the editor's code: it loads once the copy has painted.
const FlagBubbleMenu = lazy(() => import('./FlagBubbleMenu.tsx').then((module) => ({ default: module.FlagBubbleMenu })));

/** The selection someone asked to flag: its anchors into `body` and the kind. */
export interface FlagRequest extends SelectionAnchors {
  kind: FlagKind;
}

export interface FlaggingProps {
  /** Null when this person may flag; otherwise why not (the flag buttons say it). */
  cannotFlagReason: string | null;
  /** Asks the page for the first comment of a new flag on the selection. */
  onRequestFlag: (request: FlagRequest) => void;
  onHoverFlag: (id: string | null) => void;
  onActivateFlag: (id: string, how: FlagActivation) => void;
  isCleanCopy: boolean;
  onCleanCopyChange: (isCleanCopy: boolean) => void;
}

export interface DraftEditorProps {
  session: DraftSession;
  /** Published on the caret when the editor mounts; later renames go through the session. */
  user: AwarenessUser;
  /** True when the copy must not change (the server closed the connection for good). */
  isReadOnly: boolean;
  /**
   * False for a role that may not write the copy: the page can be read and its
   * text selected, the toolbar is off, and `readerNotice` says why. Read when
   * the session opens (a role does not change within a session).
   */
  canWriteCopy: boolean;
  /** Shown next to the toolbar for a reader; the toolbar and the page point to it (aria-describedby). */
  readerNotice?: ReactNode;
  /**
   * Set while a chief has locked the copy (on sign-off): nobody may change it,
   * and this notice (who locked it, an unlock button for a chief) shows where
   * the reader's notice would. Selecting and flagging still work.
   */
  lockNotice?: ReactNode;
  flagging: FlaggingProps;
  /** A side panel next to the page, given the live editor (flags, threads). */
  aside?: (editor: Editor) => ReactNode;
  /** Dialogs that read the live editor (the sign-off's list of flags in document order), shown in clean copy too. */
  dialogs?: (editor: Editor) => ReactNode;
}

/**
 * The copy of one draft, bound live to its session: toolbar, the editable
 * page (headline, standfirst, body) and a word count. Editing is switched on
 * once the session knows the draft's structure (see Readiness.isEditable).
 */
export function DraftEditor({ session, user, isReadOnly, canWriteCopy, readerNotice, lockNotice, flagging, aside, dialogs }: DraftEditorProps) {
  const [isLinkDialogOpen, setLinkDialogOpen] = useState(false);
  const readiness = useReadiness(session);
  const isSettled = useWhenSettled(readiness.isEditable);
  useEffect(() => {
    // Autolinking typed and pasted URLs is for those who write the copy.
    if (isSettled && canWriteCopy) void loadLinkify();
  }, [isSettled, canWriteCopy]);
  const noticeId = useId();
  const canWriteRef = useRef(canWriteCopy);
  const isLocked = lockNotice !== undefined && lockNotice !== null;
  const isLockedRef = useRef(isLocked);
  isLockedRef.current = isLocked;
  const requestLink = useCallback(() => setLinkDialogOpen(true), []);
  const requestLinkRef = useRef(requestLink);
  requestLinkRef.current = requestLink;
  const userRef = useRef(user);
  userRef.current = user;
  const flaggingRef = useRef(flagging);
  flaggingRef.current = flagging;
  const canFlagAtStart = useRef(flagging.cannotFlagReason === null);
  const editorRef = useRef<Editor | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const stickyEdges = useRef<StickyEdges>({ top: 0, bottom: 0 }).current;
  const requestFlag = useCallback((kind: FlagKind) => {
    const current = editorRef.current;
    const anchors = current ? selectionAnchors(current.state) : undefined;
    if (anchors && flaggingRef.current.cannotFlagReason === null) flaggingRef.current.onRequestFlag({ ...anchors, kind });
  }, []);

  const editor = useEditor(
    {
      extensions: draftEditorExtensions({
        body: session.body,
        awareness: session.awareness,
        user: userRef.current,
        onRequestLink: () => requestLinkRef.current(),
        canWriteCopy: canWriteRef.current,
        isCopyLocked: () => isLockedRef.current,
        flags: session.flags.state,
        onRequestFlag: canFlagAtStart.current ? (kind) => requestFlag(kind) : null,
        onHoverFlag: (id) => flaggingRef.current.onHoverFlag(id),
        onActivateFlag: (id, how) => flaggingRef.current.onActivateFlag(id, how),
      }),
      editable: false,
      editorProps: {
        // Scroll the caret into view below the sticky toolbar and above the word count, not under them.
        scrollMargin: scrollSidesOf(stickyEdges, 5),
        scrollThreshold: scrollSidesOf(stickyEdges, 0),
        attributes: {
          class: 'copy copy--live',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Draft copy',
          spellcheck: 'true',
          // A reader hears why the page does not take typing.
          ...(canWriteRef.current ? {} : { 'aria-describedby': noticeId }),
        },
      },
    },
    [session],
  );
  editorRef.current = editor;

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setFlagsHidden(flagging.isCleanCopy);
  }, [editor, flagging.isCleanCopy]);

  // Locking: redraw the page's attributes (aria-readonly) and forget this person's undo
  // steps, which would otherwise rewrite the locked copy when it is unlocked and undone.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta('copyLocked', isLocked).setMeta('addToHistory', false));
    if (isLocked) yUndoPluginKey.getState(editor.state)?.undoManager.clear();
  }, [editor, isLocked]);

  useEffect(() => (rootRef.current ? watchStickyEdges(rootRef.current, stickyEdges) : undefined), [stickyEdges]);

  // A reader's page is "editable" too, for a caret and keyboard selection; ReadOnlyCopy stops the changes.
  const isEditable = readiness.isEditable && !isReadOnly;
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);
  const isReader = !canWriteRef.current;

  return (
    <div className={aside ? 'draft-editor-frame draft-editor-frame--with-aside' : 'draft-editor-frame'}>
    <div ref={rootRef} className={isReader || isLocked ? 'draft-editor draft-editor--reader' : 'draft-editor'}>
      {/* Sticky: a reader's notice stays in sight next to the switched-off toolbar. */}
      <div className="draft-editor__toolbar">
        <Toolbar
          editor={editor}
          onRequestLink={requestLink}
          isDisabled={!isEditable || isReader || isLocked}
          describedBy={isReader || isLocked ? noticeId : undefined}
        />
        <FlagToolbar
          editor={editor}
          cannotFlagReason={flagging.cannotFlagReason}
          onFlag={requestFlag}
          isCleanCopy={flagging.isCleanCopy}
          onCleanCopyChange={flagging.onCleanCopyChange}
        />
        {isLocked ? (
          <div id={noticeId} className="reader-notice lock-notice" role="status">
            {lockNotice}
          </div>
        ) : (
          isReader && (
            <p id={noticeId} className="reader-notice" role="status">
              {readerNotice ?? 'You can select text but not change the copy.'}
            </p>
          )
        )}
      </div>
      {!readiness.isEditable && !isReadOnly && (
        <p className="draft-editor__notice" role="status">
          {readiness.isCacheLoaded
            ? 'Loading the draft from the server… It is not on this device yet, so it opens once the server answers.'
            : 'Opening the draft…'}
        </p>
      )}
      {/* A draft that never loaded and never will (closed for good) shows no empty page. */}
      <article className="page" aria-busy={!readiness.isEditable} hidden={isReadOnly && !readiness.isEditable}>
        <EditorContent editor={editor} className={flagging.isCleanCopy ? 'copy-frame copy-frame--clean' : 'copy-frame'} />
        {isSettled && flagging.cannotFlagReason === null && !flagging.isCleanCopy && (
          <OptionalPart name="The floating flag toolbar">
            <Suspense fallback={null}>
              <FlagBubbleMenu editor={editor} onFlag={requestFlag} />
            </Suspense>
          </OptionalPart>
        )}
      </article>
      <WordCountLine editor={editor} />
      {!isReader && <LinkDialog editor={editor} isOpen={isLinkDialogOpen} onClose={() => setLinkDialogOpen(false)} />}
    </div>
    {aside?.(editor)}
    {dialogs?.(editor)}
    </div>
  );
}

/** The counts change with almost every word typed; they follow a frame late so that a keystroke's frame never waits on them. */
const sameCounts = (a: WordCounts, b: WordCounts) => a.headline === b.headline && a.standfirst === b.standfirst && a.body === b.body;

function WordCountLine({ editor }: { editor: Editor }) {
  const counts = useEditorStateAfterPaint(editor, (current) => countDraftWords(current.state.doc), sameCounts);
  return (
    <footer className="statusline" aria-label="Word count">
      <span className="statusline__item">
        <strong>{counts.body.toLocaleString()}</strong> {counts.body === 1 ? 'word' : 'words'} in the body
      </span>
      <span className="statusline__item statusline__item--muted">
        Headline {counts.headline} · Standfirst {counts.standfirst}
      </span>
    </footer>
  );
}
