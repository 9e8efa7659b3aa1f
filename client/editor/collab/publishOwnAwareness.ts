import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Makes `provider` send only this tab's own awareness state. The stock
 * provider relays every awareness change it sees, other people's states
 * included, and answers a query with all of them: each change would travel
 * back to the server once per person in the draft, only for the server to
 * drop it (SPEC CS7, CS17). Returns the function that undoes it.
 */
export function publishOwnAwareness(provider: WebsocketProvider, awareness: Awareness): () => void {
  const ownId = awareness.clientID;
  const encodeOwn = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [ownId]));
    return encoding.toUint8Array(encoder);
  };

  awareness.off('update', provider._awarenessUpdateHandler);
  const onUpdate = ({ added, updated, removed }: AwarenessChanges) => {
    if (!added.includes(ownId) && !updated.includes(ownId) && !removed.includes(ownId)) return;
    if (provider.wsconnected && provider.ws) provider.ws.send(encodeOwn());
  };
  awareness.on('update', onUpdate);

  const answerQuery = provider.messageHandlers[MESSAGE_TYPES.queryAwareness];
  provider.messageHandlers[MESSAGE_TYPES.queryAwareness] = (encoder) => {
    encoding.writeUint8Array(encoder, encodeOwn());
  };

  return () => {
    awareness.off('update', onUpdate);
    if (answerQuery) provider.messageHandlers[MESSAGE_TYPES.queryAwareness] = answerQuery;
  };
}
