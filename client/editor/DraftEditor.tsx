import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import type { DraftSession } from './collab/createDraftSession.ts';
import { useReadiness } from './collab/useDraftSession.ts';
import { draftEditorExtensions } from './draftEditorExtensions.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { Toolbar } from './Toolbar.tsx';
import { countDraftWords, type WordCounts } from './wordCounts.ts';
import '../styles/editor.css';
import '../styles/carets.css';

export interface DraftEditorProps {
  session: DraftSession;
  /** Published on the caret when the editor mounts; later renames go through the session. */
  user: AwarenessUser;
  /** True when the copy must not change (the server closed the connection for good). */
  isReadOnly: boolean;
}

/**
 * The copy of one draft, bound live to its session: toolbar, the editable
 * page (headline, standfirst, body) and a word count. Editing is switched on
 * once the session knows the draft's structure (see Readiness.isEditable).
 */
export function DraftEditor({ session, user, isReadOnly }: DraftEditorProps) {
  const [isLinkDialogOpen, setLinkDialogOpen] = useState(false);
  const readiness = useReadiness(session);
  const requestLink = useCallback(() => setLinkDialogOpen(true), []);
  const requestLinkRef = useRef(requestLink);
  requestLinkRef.current = requestLink;
  const userRef = useRef(user);
  userRef.current = user;

  const editor = useEditor(
    {
      extensions: draftEditorExtensions({
        body: session.body,
        awareness: session.awareness,
        user: userRef.current,
        onRequestLink: () => requestLinkRef.current(),
      }),
      editable: false,
      editorProps: {
        attributes: {
          class: 'copy',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Draft copy',
          spellcheck: 'true',
        },
      },
    },
    [session],
  );

  const isEditable = readiness.isEditable && !isReadOnly;
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== isEditable) editor.setEditable(isEditable);
  }, [editor, isEditable]);

  return (
    <div className="draft-editor">
      <div className="draft-editor__toolbar">
        <Toolbar editor={editor} onRequestLink={requestLink} isDisabled={!isEditable} />
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
        <EditorContent editor={editor} />
      </article>
      <WordCountLine editor={editor} />
      <LinkDialog editor={editor} isOpen={isLinkDialogOpen} onClose={() => setLinkDialogOpen(false)} />
    </div>
  );
}

function WordCountLine({ editor }: { editor: NonNullable<ReturnType<typeof useEditor>> }) {
  const counts = useEditorState({
    editor,
    selector: ({ editor: current }): WordCounts =>
      current ? countDraftWords(current.state.doc) : { headline: 0, standfirst: 0, body: 0 },
    equalityFn: (a, b) => b !== null && a.headline === b.headline && a.standfirst === b.standfirst && a.body === b.body,
  });
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
