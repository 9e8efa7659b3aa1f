import { Hono } from 'hono';
import type { InboxList } from '../../../shared/api/annotationAnswers.ts';
import { notFound } from '../../appError.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import type { InboxStore } from '../../storage/InboxStore.ts';
import { DESK_STATES, type VersionStore } from '../../storage/VersionStore.ts';
import { principalOf, type AuthEnv } from '../middleware/authEnv.ts';
import { toInboxItemView } from '../presenters/inboxPresenter.ts';

export interface InboxRouteDeps {
  inbox: InboxStore;
  store: DocumentStore;
  versions: Pick<VersionStore, 'listDeskStates'>;
}

/** The inbox lists at most this many items, newest first. */
export const MAX_INBOX_ITEMS = 100;

/** `/api/inbox`: the caller's own mentions and assignments. Any signed-in account has one. */
export function inboxRoutes(deps: InboxRouteDeps) {
  const app = new Hono<AuthEnv>();

  app.get('/', async (c) => {
    const { accountId } = principalOf(c);
    const [items, unread, deskStates] = await Promise.all([
      deps.inbox.listInboxItems(accountId, MAX_INBOX_ITEMS),
      deps.inbox.countUnread(accountId),
      deps.versions.listDeskStates(),
    ]);
    const states = new Map(deskStates.map((desk) => [desk.draftId, desk.state]));
    const titles = new Map<string, string>();
    for (const draftId of new Set(items.map((item) => item.draftId))) {
      titles.set(draftId, (await deps.store.findDraft(draftId))?.title ?? '');
    }
    return c.json<InboxList>({
      items: items.map((item) =>
        toInboxItemView(item, { title: titles.get(item.draftId) ?? '', state: states.get(item.draftId) ?? DESK_STATES.draft }),
      ),
      unread,
    });
  });

  app.post('/read-all', async (c) => {
    await deps.inbox.markAllRead(principalOf(c).accountId);
    return c.body(null, 204);
  });

  app.post('/:itemId/read', async (c) => {
    const isMarked = await deps.inbox.markRead(principalOf(c).accountId, c.req.param('itemId'));
    if (!isMarked) throw notFound('no such item in your inbox');
    return c.body(null, 204);
  });

  return app;
}
