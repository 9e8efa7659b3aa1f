import { DESK_STATE_NAMES, type DeskState } from '../../../shared/api/versions.ts';

/** What the drafts list shows: the drafts in one desk state (null: all), and the words looked for in titles. */
export interface ListView {
  state: DeskState | null;
  query: string;
}

/**
 * The view an address asks for (`/?state=legal-review&q=budget`): kept in
 * the address, so Back from a draft comes back to the same list, and a desk
 * can send it on. An unknown state shows every draft.
 */
export function listViewFromSearch(search: string): ListView {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  return {
    state: (DESK_STATE_NAMES as readonly string[]).includes(state ?? '') ? (state as DeskState) : null,
    query: params.get('q') ?? '',
  };
}

/** The query string for `view` ("" for the whole list), the inverse of listViewFromSearch. */
export function searchOfListView(view: ListView): string {
  const params = new URLSearchParams();
  if (view.state) params.set('state', view.state);
  if (view.query !== '') params.set('q', view.query);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}
