import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '../../shared/protocol/awareness.ts';
import { draftSchemaExtensions } from '../../shared/schema/extensions.ts';
import { draftCaret } from './extensions/DraftCaret.ts';
import { DraftPlaceholder } from './extensions/DraftPlaceholder.ts';
import { DraftStructureKeys } from './extensions/DraftStructureKeys.ts';
import { LinkShortcut } from './extensions/LinkShortcut.ts';
import { PullQuoteCommands } from './extensions/PullQuoteCommands.ts';

export interface DraftEditorExtensionOptions {
  body: Y.XmlFragment;
  awareness: Awareness;
  user: AwarenessUser;
  onRequestLink: () => void;
}

/**
 * The browser editor: the shared schema (exactly what the server imports and
 * exports) plus the interactive parts. Collaboration binds the copy to the
 * `body` fragment and brings undo/redo that only reverts this person's edits.
 */
export function draftEditorExtensions(options: DraftEditorExtensionOptions): Extensions {
  return [
    ...draftSchemaExtensions(),
    Collaboration.configure({ fragment: options.body }),
    draftCaret(options.awareness, options.user),
    DraftPlaceholder,
    DraftStructureKeys,
    PullQuoteCommands,
    LinkShortcut.configure({ onRequestLink: options.onRequestLink }),
  ];
}
