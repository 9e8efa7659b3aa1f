import { describe, expect, it } from 'vitest';
import { FORMATTING_KEYS } from '../../../client/editor/editorKeys.ts';
import { shortcutGroups } from '../../../client/panels/help/shortcutGroups.ts';

const rowsOf = (isApple: boolean) => new Map(shortcutGroups(isApple).flatMap((group) => group.rows.map((row) => [row.action, row.keys])));

describe('the keyboard shortcuts list', () => {
  it('lists every formatting key the toolbar shows, in this platform’s names', () => {
    const rows = rowsOf(false);
    for (const { label } of Object.values(FORMATTING_KEYS)) expect(rows.has(label)).toBe(true);
    expect(rows.get('Bold')).toEqual(['Ctrl+B']);
    expect(rows.get('Redo')).toEqual(['Ctrl+Shift+Z']);
    expect(rows.get('Flag as claim')).toEqual(['Ctrl+Shift+1']);
    expect(rows.get('Send a comment or reply')).toEqual(['Ctrl+Enter']);
    expect(rows.get('Open the flag at the caret')).toEqual(['Alt+Enter']);
    expect(rows.get('Start of the copy')).toEqual(['Ctrl+Home']);
    expect(rows.get('Select to either end')).toEqual(['Ctrl+Shift+Home', 'Ctrl+Shift+End']);
  });

  it('names a Mac’s keys as a Mac does', () => {
    const rows = rowsOf(true);
    expect(rows.get('Bold')).toEqual(['⌘B']);
    expect(rows.get('Flag as source needed')).toEqual(['⌘⇧2']);
    expect(rows.get('End of the copy')).toEqual(['⌘↓']);
    expect(rows.get('Select to either end')).toEqual(['⌘⇧↑', '⌘⇧↓']);
    expect(rows.get('This list of shortcuts')).toEqual(['?', '⌘/']);
    expect(rows.get('Send a comment or reply')).toEqual(['⌘↩']);
    expect(rows.get('Open the flag at the caret')).toEqual(['⌥↩']);
  });
});
