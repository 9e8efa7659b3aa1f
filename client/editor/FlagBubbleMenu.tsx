import type { Editor } from '@tiptap/core';
import { BubbleMenu } from '@tiptap/react/menus';
import { FLAG_KIND_NAMES, type FlagKind } from '../../shared/annotations/kinds.ts';
import { Icon } from '../ui/Icon.tsx';
import { FLAG_KIND_ICONS } from './FlagToolbar.tsx';
import { FLAG_KIND_WORDS } from '../../shared/annotations/words.ts';
import { FLAG_SHORTCUTS } from './flags/flagKindWords.ts';
import { shortcutLabel } from './shortcutLabel.ts';

/**
 * The same three flag buttons floating over a non-empty selection. A pointer
 * convenience: keyboard users have the toolbar and Mod-Shift-1/2/3.
 */
export function FlagBubbleMenu({ editor, onFlag }: { editor: Editor; onFlag: (kind: FlagKind) => void }) {
  return (
    <BubbleMenu
      editor={editor}
      className="flag-bubble"
      role="toolbar"
      aria-label="Flag the selection"
      options={{ placement: 'top' }}
      shouldShow={({ view, state, from, to }) =>
        view.hasFocus() && from < to && state.doc.textBetween(from, to, ' ', ' ').trim() !== ''
      }
    >
      {FLAG_KIND_NAMES.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`flag-bubble__button flag-toolbar__button--${kind}`}
          tabIndex={-1}
          title={`Flag as ${FLAG_KIND_WORDS[kind].label.toLowerCase()} (${shortcutLabel(FLAG_SHORTCUTS[kind])})`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onFlag(kind)}
        >
          <Icon name={FLAG_KIND_ICONS[kind]} />
          <span>{FLAG_KIND_WORDS[kind].label}</span>
        </button>
      ))}
    </BubbleMenu>
  );
}
