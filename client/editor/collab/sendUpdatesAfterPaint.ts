import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_TYPES } from '../../../shared/protocol/messageTypes.ts';
import { afterNextPaint } from '../afterNextPaint.ts';

/**
 * Makes `provider` send this tab's updates once the frame showing them has
 * been painted, merged into one message per frame, instead of one message per
 * Yjs transaction inside the transaction. A keystroke's own frame then no
 * longer pays for encoding and sending it (WebSocket.send took 0.3–1.8 ms a
 * key in the editor bench), and keys typed within one frame go out as one
 * update. Others see the edit at most a frame later.
 *
 * What is pending when the socket is down is dropped, as the stock provider
 * drops it: the sync on reconnecting carries everything the server lacks.
 * A hidden page paints no frames, so there updates go out at once, and
 * whatever is pending goes out when the page is hidden or left.
 * Returns the function that undoes it.
 */
export function sendUpdatesAfterPaint(provider: WebsocketProvider, doc: Y.Doc): () => void {
  let pending: Uint8Array[] = [];
  let cancelFlush: (() => void) | null = null;

  const flush = () => {
    cancelFlush?.();
    cancelFlush = null;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPES.sync);
    writeUpdate(encoder, update);
    ws.send(encoding.toUint8Array(encoder));
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // What the server sent is not sent back.
    if (origin === provider) return;
    pending.push(update);
    if (document.visibilityState === 'hidden') flush();
    else cancelFlush ??= afterNextPaint(flush);
  };
  const flushIfHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };

  doc.off('update', provider._updateHandler);
  doc.on('update', onUpdate);
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', flushIfHidden);

  return () => {
    flush();
    doc.off('update', onUpdate);
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', flushIfHidden);
  };
}
