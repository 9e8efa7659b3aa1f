import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from '../../../shared/protocol/awareness.ts';

/**
 * Other people's carets and selections. The extension only needs an object
 * with `awareness`; it publishes `user` there when the editor mounts, so that
 * must be the person's current name and colour. Labels are plain text nodes
 * (never HTML), and their look is in styles/carets.css.
 */
export function draftCaret(awareness: Awareness, user: AwarenessUser) {
  return CollaborationCaret.configure({
    provider: { awareness },
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
