import { describe, expect, it } from 'vitest';
import { listViewFromSearch, searchOfListView } from '../../../client/panels/drafts/listView.ts';

describe('the drafts list view in the address', () => {
  it('reads the desk state and the title search', () => {
    expect(listViewFromSearch('?state=legal-review&q=council+bud')).toEqual({ state: 'legal-review', query: 'council bud' });
    expect(listViewFromSearch('')).toEqual({ state: null, query: '' });
  });

  it('shows every draft for a state it does not know', () => {
    expect(listViewFromSearch('?state=published&q=x')).toEqual({ state: null, query: 'x' });
  });

  it('writes what it reads, and nothing for the whole list', () => {
    const view = { state: 'signed-off' as const, query: 'Café “rent” & rates' };
    expect(listViewFromSearch(searchOfListView(view))).toEqual(view);
    expect(searchOfListView({ state: null, query: '' })).toBe('');
  });
});
