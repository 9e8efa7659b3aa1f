import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from '../../../shared/protocol/awareness.ts';
import { pacedCaretAwareness } from '../collab/pacedCaretAwareness.ts';

/**
 * Other people's carets and selections. The extension only needs an object
 * with `awareness`; it publishes `user` there when the editor mounts, so that
 * must be the person's current name and colour. Labels are plain text nodes
 * (never HTML), and their look is in styles/carets.css. This person's own
 * caret is published paced (pacedCaretAwareness), not at every keystroke.
 */
export function draftCaret(awareness: Awareness, user: AwarenessUser) {
  return CollaborationCaret.configure({
    provider: { awareness: pacedCaretAwareness(awareness) },
    user,
    render: (person) => {
      const caret = document.createElement('span');
      caret.classList.add('collaboration-carets__caret');
      caret.style.borderColor = person.color;
      const label = document.createElement('span');
      label.classList.add('collaboration-carets__label');
      label.style.backgroundColor = person.color;
      label.textContent = typeof person.name === 'string' ? person.name : '';
      caret.append(label);
      return caret;
    },
  });
}
