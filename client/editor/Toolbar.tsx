import type { Editor } from '@tiptap/core';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { FORMATTING_KEYS } from './editorKeys.ts';
import { ariaShortcut, shortcutLabel } from './shortcutLabel.ts';
import { formattingContextOf } from './formattingContext.ts';
import { useEditorStateAfterPaint } from './useEditorStateAfterPaint.ts';

interface ToolbarAction {
  id: string;
  label: string;
  shortcut: string;
  icon: IconName | { text: string; className: string };
  /** Toggle buttons report their state with aria-pressed; plain actions (undo) do not. */
  isToggle: boolean;
  isActive: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  groupEnd?: boolean;
  /** Undo and redo: their answers follow the edit history, not the caret's place. */
  readsHistory?: boolean;
}

interface ActionState {
  isActive: boolean;
  canRun: boolean;
}

/**
 * How many steps the collaborative undo manager holds: what Collaboration's
 * undo and redo commands check before acting, read directly rather than
 * through `can()`, which builds every command's chain (most of the toolbar's
 * remaining cost after each keystroke).
 */
const historyDepth = (editor: Editor, stack: 'undoStack' | 'redoStack'): number =>
  yUndoPluginKey.getState(editor.state)?.undoManager[stack].length ?? 0;

function actions(onRequestLink: () => void): ToolbarAction[] {
  return [
    {
      id: 'bold',
      ...FORMATTING_KEYS.bold,
      icon: { text: 'B', className: 'toolbar__glyph--bold' },
      isToggle: true,
      isActive: (e) => e.isActive('bold'),
      canRun: (e) => e.can().toggleBold(),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      ...FORMATTING_KEYS.italic,
      icon: { text: 'I', className: 'toolbar__glyph--italic' },
      isToggle: true,
      isActive: (e) => e.isActive('italic'),
      canRun: (e) => e.can().toggleItalic(),
      run: (e) => e.chain().focus().toggleItalic().run(),
      groupEnd: true,
    },
    {
      id: 'h2',
      ...FORMATTING_KEYS.h2,
      icon: { text: 'H2', className: 'toolbar__glyph--heading' },
      isToggle: true,
      isActive: (e) => e.isActive('heading', { level: 2 }),
      canRun: (e) => e.can().toggleHeading({ level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      id: 'h3',
      ...FORMATTING_KEYS.h3,
      icon: { text: 'H3', className: 'toolbar__glyph--heading' },
      isToggle: true,
      isActive: (e) => e.isActive('heading', { level: 3 }),
      canRun: (e) => e.can().toggleHeading({ level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
      groupEnd: true,
    },
    {
      id: 'bulletList',
      ...FORMATTING_KEYS.bulletList,
      icon: 'bulletList',
      isToggle: true,
      isActive: (e) => e.isActive('bulletList'),
      canRun: (e) => e.can().toggleBulletList(),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      ...FORMATTING_KEYS.orderedList,
      icon: 'orderedList',
      isToggle: true,
      isActive: (e) => e.isActive('orderedList'),
      canRun: (e) => e.can().toggleOrderedList(),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      groupEnd: true,
    },
    {
      id: 'blockquote',
      ...FORMATTING_KEYS.blockquote,
      icon: 'blockquote',
      isToggle: true,
      isActive: (e) => e.isActive('blockquote'),
      canRun: (e) => e.can().toggleBlockquote(),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      id: 'pullQuote',
      ...FORMATTING_KEYS.pullQuote,
      icon: 'pullQuote',
      isToggle: true,
      isActive: (e) => e.isActive('pullQuote'),
      canRun: (e) => e.can().togglePullQuote(),
      run: (e) => e.chain().focus().togglePullQuote().run(),
    },
    {
      id: 'link',
      ...FORMATTING_KEYS.link,
      icon: 'link',
      isToggle: true,
      isActive: (e) => e.isActive('link'),
      canRun: (e) => e.isActive('link') || e.can().setLink({ href: 'https://example.com' }),
      run: () => onRequestLink(),
      groupEnd: true,
    },
    {
      id: 'undo',
      ...FORMATTING_KEYS.undo,
      icon: 'undo',
      isToggle: false,
      isActive: () => false,
      canRun: (e) => historyDepth(e, 'undoStack') > 0,
      run: (e) => e.chain().focus().undo().run(),
      readsHistory: true,
    },
    {
      id: 'redo',
      ...FORMATTING_KEYS.redo,
      icon: 'redo',
      isToggle: false,
      isActive: () => false,
      canRun: (e) => historyDepth(e, 'redoStack') > 0,
      run: (e) => e.chain().focus().redo().run(),
      readsHistory: true,
    },
  ];
}

export interface ToolbarProps {
  editor: Editor;
  onRequestLink: () => void;
  isDisabled: boolean;
  /** Id of text that explains why the toolbar is off (a reader's notice). */
  describedBy?: string;
}

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys
 * and Home/End move between buttons. Buttons that cannot act where the cursor
 * is (bold in the headline, undo with nothing to undo) stay focusable but are
 * aria-disabled, so the arrow keys never skip and strand a keyboard user.
 */
export function Toolbar({ editor, onRequestLink, isDisabled, describedBy }: ToolbarProps) {
  const onRequestLinkRef = useRef(onRequestLink);
  onRequestLinkRef.current = onRequestLink;
  const [list] = useState(() => actions(() => onRequestLinkRef.current()));
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  // Asking every command whether it can run costs milliseconds on a long draft: after the paint, not in the
  // keystroke, and for the formatting buttons only when the caret's surroundings changed (formattingContext.ts).
  const kept = useRef<{ context: string; states: ActionState[] } | null>(null);
  const states = useEditorStateAfterPaint(
    editor,
    (current) => {
      const stateOf = (action: ToolbarAction): ActionState => ({
        isActive: action.isActive(current),
        canRun: current.isEditable && action.canRun(current),
      });
      const context = formattingContextOf(current.state, current.isEditable);
      const reusable = context !== null && kept.current?.context === context ? kept.current.states : null;
      const next = list.map((action, i) => (reusable && !action.readsHistory ? reusable[i]! : stateOf(action)));
      kept.current = context === null ? null : { context, states: next };
      return next;
    },
    (a, b) => a.length === b.length && a.every((s, i) => s.isActive === b[i]!.isActive && s.canRun === b[i]!.canRun),
  );

  const moveFocus = (index: number) => {
    const next = (index + list.length) % list.length;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => moveFocus(focusIndex + 1),
      ArrowLeft: () => moveFocus(focusIndex - 1),
      Home: () => moveFocus(0),
      End: () => moveFocus(list.length - 1),
    };
    const handler = keys[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  };

  return (
    <div
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-disabled={isDisabled || undefined}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    >
      {list.map((action, index) => {
        const state = states[index]!;
        const isEnabled = !isDisabled && state.canRun;
        const shortcut = shortcutLabel(action.shortcut);
        let content: ReactNode;
        if (typeof action.icon === 'string') content = <Icon name={action.icon} />;
        else content = <span className={`toolbar__glyph ${action.icon.className}`} aria-hidden="true">{action.icon.text}</span>;
        return (
          <span key={action.id} className={action.groupEnd ? 'toolbar__item toolbar__item--group-end' : 'toolbar__item'}>
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="toolbar__button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={action.label}
              aria-pressed={action.isToggle ? state.isActive : undefined}
              aria-disabled={!isEnabled || undefined}
              aria-keyshortcuts={ariaShortcut(action.shortcut)}
              title={`${action.label} (${shortcut})`}
              onFocus={() => setFocusIndex(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (isEnabled) action.run(editor);
              }}
            >
              {content}
            </button>
          </span>
        );
      })}
    </div>
  );
}

