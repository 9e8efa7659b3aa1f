import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { FlagKind } from '../../shared/annotations/kinds.ts';
import type { Flag } from '../../shared/annotations/types.ts';
import type { ValueStore } from './collab/ValueStore.ts';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import { draftSchemaExtensions } from '../../shared/schema/extensions.ts';
import { draftCaret } from './extensions/DraftCaret.ts';
import { DraftPlaceholder } from './extensions/DraftPlaceholder.ts';
import { DocumentEdgeKeys } from './extensions/DocumentEdgeKeys.ts';
import { DraftStructureKeys } from './extensions/DraftStructureKeys.ts';
import { FlagHighlights, type FlagActivation } from './extensions/FlagHighlights.ts';
import { FlagShortcuts } from './extensions/FlagShortcuts.ts';
import { KeepStoredMarks } from './extensions/KeepStoredMarks.ts';
import { LinkShortcut } from './extensions/LinkShortcut.ts';
import { PullQuoteCommands } from './extensions/PullQuoteCommands.ts';
import { ReadOnlyCopy } from './extensions/ReadOnlyCopy.ts';
import { SelectionBeforeKeys } from './extensions/SelectionBeforeKeys.ts';

export interface DraftEditorExtensionOptions {
  body: Y.XmlFragment;
  awareness: Awareness;
  user: AwarenessUser;
  onRequestLink: () => void;
  /** False for roles that may not write the `body` root type: the copy can be read and selected, not changed. */
  canWriteCopy: boolean;
  /** Asked as the copy is edited: true while a chief has locked it on sign-off (nobody may change it then). */
  isCopyLocked: () => boolean;
  /** The draft's flags, drawn as highlights. */
  flags: ValueStore<readonly Flag[]>;
  /** Set for roles that may flag: the flag shortcuts call it with the kind. */
  onRequestFlag: ((kind: FlagKind) => void) | null;
  onHoverFlag: (id: string | null) => void;
  onActivateFlag: (id: string, how: FlagActivation) => void;
}

/**
 * The browser editor: the shared schema (exactly what the server imports and
 * exports) plus the interactive parts. Collaboration binds the copy to the
 * `body` fragment and brings undo/redo that only reverts this person's edits.
 * Without `canWriteCopy`, ReadOnlyCopy drops every local change; with it,
 * only while `isCopyLocked()`.
 */
export function draftEditorExtensions(options: DraftEditorExtensionOptions): Extensions {
  return [
    ...draftSchemaExtensions(),
    Collaboration.configure({ fragment: options.body }),
    draftCaret(options.awareness, options.user),
    // The toolbar asks every command whether it can run, so the commands stay for readers too.
    PullQuoteCommands,
    SelectionBeforeKeys,
    DocumentEdgeKeys,
    FlagHighlights.configure({
      flags: options.flags,
      onHoverFlag: options.onHoverFlag,
      onActivateFlag: options.onActivateFlag,
    }),
    ...(options.onRequestFlag ? [FlagShortcuts.configure({ onRequestFlag: options.onRequestFlag })] : []),
    ...(options.canWriteCopy
      ? [
          DraftPlaceholder,
          DraftStructureKeys,
          KeepStoredMarks,
          LinkShortcut.configure({ onRequestLink: options.onRequestLink }),
          ReadOnlyCopy.configure({ isReadOnly: options.isCopyLocked }),
        ]
      : [ReadOnlyCopy]),
  ];
}
