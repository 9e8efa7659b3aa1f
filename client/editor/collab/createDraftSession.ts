import * as decoding from 'lib0/decoding';
import { BatchedIndexeddbPersistence, type OfflineCopyState } from './BatchedIndexeddbPersistence.ts';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AWARENESS_USER_FIELD, type AwarenessUser } from '../../../shared/protocol/awareness.ts';
import { MESSAGE_TYPES, SYNC_STEPS } from '../../../shared/protocol/messageTypes.ts';
import { decodeSavedClocks } from '../../../shared/protocol/savedFrame.ts';
import { ROOT_TYPES } from '../../../shared/schema/rootTypes.ts';
import { ConnectionTracker } from './ConnectionTracker.ts';
import { FlagTracker } from './FlagTracker.ts';
import { offlineCopyName } from './offlineCopies.ts';
import { PeopleTracker } from './PeopleTracker.ts';
import { closeStalledConnects } from './closeStalledConnects.ts';
import { publishOwnAwareness } from './publishOwnAwareness.ts';
import { sendUpdatesAfterPaint } from './sendUpdatesAfterPaint.ts';
import { SaveTracker, type AckedClockStore } from './SaveTracker.ts';
import { ServerRootTracker } from './ServerRootTracker.ts';
import { ValueStore } from './ValueStore.ts';

export interface Readiness {
  /** The offline cache has been read (or failed to open). */
  isCacheLoaded: boolean;
  /**
   * The copy may be edited: the draft's structure is known, either from the
   * server (first sync done) or from the offline cache. Editing an empty body
   * before that would write a second headline and standfirst next to the ones
   * the server already has.
   */
  isEditable: boolean;
}

/** Everything live about one open draft. Made outside React's render; `destroy` releases it all. */
export interface DraftSession {
  readonly draftId: string;
  readonly doc: Y.Doc;
  /** The copy: headline, standfirst and body blocks. */
  readonly body: Y.XmlFragment;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly connection: ConnectionTracker;
  readonly saves: SaveTracker;
  readonly people: PeopleTracker;
  /** The draft's flags, live from the server-written `annotations` root type. */
  readonly flags: FlagTracker;
  /** Counts changes to the server-written desk root types (sign-offs, versions), so panels re-read them live. */
  readonly deskRoots: ServerRootTracker;
  readonly readiness: ValueStore<Readiness>;
  /** Whether this device keeps a copy of the draft, or the browser refused (see OfflineCopyState). */
  readonly offlineCopy: ValueStore<OfflineCopyState>;
  /** Publishes this person's account id, name, colour and role (carets and presence read it). */
  setUser(user: AwarenessUser): void;
  /** Forgets the offline copy of this draft (after the server refused it); call `destroy` after. */
  discardLocalCopy(): Promise<void>;
  destroy(): void;
}

export interface DraftSessionOptions {
  user: AwarenessUser;
  /**
   * Whose offline copy this is (the account id). Each account on a machine has
   * its own cache, so one person's unsent edits are never sent by the next
   * person to sign in here (the server would refuse them from a reviewer).
   */
  cacheOwner: string;
  /** Base of the collaboration socket; defaults to this page's origin + `/collab`. */
  serverUrl?: string;
}

/** Server-written root types that carry the desk's records: a change to one is a reason to re-read them. */
export const DESK_ROOT_TYPES: readonly string[] = [ROOT_TYPES.desk, ROOT_TYPES.signoffs, ROOT_TYPES.versions];

/** The collaboration endpoint on this page's own origin (the dev server proxies it). */
export function defaultCollabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * Opens a draft for live editing: a Y.Doc, its IndexedDB cache
 * (`copydesk:${cacheOwner}:${draftId}`), awareness carrying `user`, and a WebsocketProvider
 * on room `draftId` that asks for `saved` acks. Connects at once. Never throws
 * for network trouble: connection problems show in `connection`.
 */
export function createDraftSession(draftId: string, options: DraftSessionOptions): DraftSession {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(ROOT_TYPES.body);
  const cacheName = `${options.cacheOwner}:${draftId}`;
  const cache = new BatchedIndexeddbPersistence(offlineCopyName(options.cacheOwner, draftId), doc);
  const awareness = new Awareness(doc);
  awareness.setLocalStateField(AWARENESS_USER_FIELD, options.user);

  const provider = new WebsocketProvider(options.serverUrl ?? defaultCollabUrl(), draftId, doc, {
    connect: false,
    awareness,
    params: { ack: '1' },
    disableBc: true,
  });

  const stopPublishingOwnAwareness = publishOwnAwareness(provider, awareness);
  const stopSendingAfterPaint = sendUpdatesAfterPaint(provider, doc);
  const stopClosingStalledConnects = closeStalledConnects(provider);

  const saves = new SaveTracker(doc, {
    serverOrigin: provider,
    cacheOrigin: cache,
    ackedClocks: localAckedClockStore(cacheName),
  });
  const connection = new ConnectionTracker(provider);
  const people = new PeopleTracker(awareness);
  const flags = new FlagTracker(doc);
  const deskRoots = new ServerRootTracker(doc, DESK_ROOT_TYPES);

  // Our `saved` frame. A truncated one is ignored: it only costs an ack, and
  // the next frame carries the same clocks or higher.
  provider.messageHandlers[MESSAGE_TYPES.saved] = (_encoder, decoder) => {
    try {
      saves.ackSaved(decodeSavedClocks(decoder));
    } catch (error) {
      console.warn('[copydesk] ignoring a malformed saved frame', error);
    }
  };

  // Peek at the server's sync step 1: its state vector is what it has stored.
  const handleSync = provider.messageHandlers[MESSAGE_TYPES.sync]!;
  provider.messageHandlers[MESSAGE_TYPES.sync] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder);
    try {
      if (decoding.readVarUint(peek) === SYNC_STEPS.step1) {
        saves.ackServerState(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
      }
    } catch {
      // The provider's own handler reads the frame again and reports any fault.
    }
    handleSync(encoder, decoder, ...rest);
  };

  const readiness = new ValueStore<Readiness>({ isCacheLoaded: false, isEditable: false });
  let isCacheLoaded = false;
  const updateReadiness = () => {
    readiness.set(
      {
        isCacheLoaded,
        // Once editable, always editable: losing the connection later must not lock the copy.
        isEditable: readiness.get().isEditable || provider.synced || (isCacheLoaded && body.length > 0),
      },
      (a, b) => a.isCacheLoaded === b.isCacheLoaded && a.isEditable === b.isEditable,
    );
  };
  // A cache the browser refused never loads: there is nothing more to wait for.
  const onCacheState = () => {
    if (cache.state.get() === 'opening' || isCacheLoaded) return;
    isCacheLoaded = true;
    updateReadiness();
  };
  cache.state.subscribe(onCacheState);
  provider.on('sync', updateReadiness);
  // localStorage is synchronous, so this still lands while the page is going away.
  const persistAckedClocks = () => saves.persistNow();
  const persistIfHidden = () => {
    if (document.visibilityState === 'hidden') saves.persistNow();
  };
  addEventListener('pagehide', persistAckedClocks);
  document.addEventListener('visibilitychange', persistIfHidden);

  provider.connect();

  let isDestroyed = false;
  return {
    draftId,
    doc,
    body,
    provider,
    awareness,
    connection,
    saves,
    people,
    flags,
    deskRoots,
    readiness,
    offlineCopy: cache.state,
    setUser(user) {
      awareness.setLocalStateField(AWARENESS_USER_FIELD, user);
    },
    async discardLocalCopy() {
      await cache.clearData();
      clearAckedClocks(cacheName);
    },
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      provider.off('sync', updateReadiness);
      removeEventListener('pagehide', persistAckedClocks);
      document.removeEventListener('visibilitychange', persistIfHidden);
      // Tell the others we left before the socket goes.
      awareness.setLocalState(null);
      stopPublishingOwnAwareness();
      stopSendingAfterPaint();
      stopClosingStalledConnects();
      connection.destroy();
      people.destroy();
      flags.destroy();
      deskRoots.destroy();
      saves.destroy();
      readiness.clear();
      cache.state.clear();
      provider.destroy();
      void cache.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}

const ackedClocksKey = (cacheName: string) => `copydesk.ackedClocks:${cacheName}`;

/** Acked clocks in localStorage: small, synchronous, and read before the IndexedDB cache loads. */
function localAckedClockStore(cacheName: string): AckedClockStore {
  return {
    load() {
      try {
        const raw = localStorage.getItem(ackedClocksKey(cacheName));
        const pairs: unknown = raw ? JSON.parse(raw) : [];
        const clocks = new Map<number, number>();
        if (Array.isArray(pairs)) {
          for (const pair of pairs) {
            if (Array.isArray(pair) && Number.isSafeInteger(pair[0]) && Number.isSafeInteger(pair[1])) {
              clocks.set(pair[0] as number, pair[1] as number);
            }
          }
        }
        return clocks;
      } catch {
        return new Map();
      }
    },
    store(clocks) {
      try {
        localStorage.setItem(ackedClocksKey(cacheName), JSON.stringify([...clocks]));
      } catch {
        // Storage full or blocked: the next visit learns the clocks from the server again.
      }
    },
  };
}

function clearAckedClocks(cacheName: string): void {
  try {
    localStorage.removeItem(ackedClocksKey(cacheName));
  } catch {
    // Nothing stored, nothing to clear.
  }
}
