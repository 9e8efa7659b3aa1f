import { FLAG_KIND_NAMES } from '../../../shared/annotations/kinds.ts';
import { FLAG_KIND_WORDS } from '../../../shared/annotations/words.ts';
import { documentEdgeKeys, FORMATTING_KEYS } from '../../editor/editorKeys.ts';
import { FLAG_SHORTCUTS, OPEN_FLAG_KEY } from '../../editor/flags/flagKindWords.ts';
import { shortcutLabel } from '../../editor/shortcutLabel.ts';

export interface ShortcutRow {
  /** What the keys do. */
  action: string;
  /** Each way to press it, written for people ("Ctrl+B"). */
  keys: string[];
}

export interface ShortcutGroup {
  title: string;
  /** Who or when, where that is not everyone, always. */
  note?: string;
  rows: ShortcutRow[];
}

/** Sends what is written in a flag's first comment, a reply or an edit, from its field. */
export const SEND_COMMENT_KEY = 'Mod-Enter';

/** The keys that open the shortcuts list: `?` outside a text field, Ctrl+/ (⌘/ on a Mac) anywhere. */
export const SHORTCUTS_HELP_KEY = 'Mod-/';

/** "Mod-Home" -> "Mod-Shift-Home": Shift after the other modifiers, as people name it. */
const withShift = (spec: string) => spec.replace(/^((?:Mod|Ctrl|Alt)-)*/, (modifiers) => `${modifiers}Shift-`);

/** Every key the app answers to, grouped as the desk works, in this platform's names. */
export function shortcutGroups(isApple: boolean): ShortcutGroup[] {
  const label = (spec: string) => shortcutLabel(spec, isApple);
  const [start, end] = documentEdgeKeys(isApple);
  return [
    {
      title: 'Writing',
      note: 'Editors and chief editors, in the copy.',
      rows: [
        ...Object.values(FORMATTING_KEYS).map(({ label: action, shortcut }) => ({ action, keys: [label(shortcut)] })),
        { action: 'Next part (headline → standfirst → body)', keys: ['Enter'] },
      ],
    },
    {
      title: 'Flags',
      note: 'In the copy: flag the words selected, or open the flag the caret is in.',
      rows: [
        ...FLAG_KIND_NAMES.map((kind) => ({
          action: `Flag as ${FLAG_KIND_WORDS[kind].label.toLowerCase()}`,
          keys: [label(FLAG_SHORTCUTS[kind])],
        })),
        { action: 'Open the flag at the caret', keys: [label(OPEN_FLAG_KEY)] },
        { action: 'Send a comment or reply', keys: [label(SEND_COMMENT_KEY)] },
      ],
    },
    {
      title: 'Moving around',
      rows: [
        { action: 'Start of the copy', keys: [label(start)] },
        { action: 'End of the copy', keys: [label(end)] },
        { action: 'Select to either end', keys: [label(withShift(start)), label(withShift(end))] },
        { action: 'Between the buttons of a toolbar', keys: ['←', '→'] },
        { action: 'Close a dialog or menu', keys: ['Esc'] },
        { action: 'This list of shortcuts', keys: ['?', label(SHORTCUTS_HELP_KEY)] },
      ],
    },
  ];
}
