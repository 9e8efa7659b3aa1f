import { afterEach, describe, expect, it } from 'vitest';
import { encodeBinaryWsFrame } from '../../../server/collab/wsFrame.ts';
import { connectPair, type ConnectionPair } from '../../support/connectionPair.ts';
import { waitFor } from '../../support/waitFor.ts';

const bytesOf = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('a message framed once and written to a connection as it is', () => {
  let pair: ConnectionPair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  // Each length at or across a boundary of the frame header's three length forms.
  const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000];

  it('reaches a standard WebSocket client as one binary message with the same bytes, whatever its length', async () => {
    pair = await connectPair();
    const payloads = lengths.map((length, i) => bytesOf(length, i));
    for (const payload of payloads) pair.connection.sendFramed(encodeBinaryWsFrame(payload));
    const { received } = pair;
    await waitFor(() => received.length === payloads.length, 'every message');
    expect(received.map((message) => message.isBinary)).toEqual(payloads.map(() => true));
    expect(received.map((message) => message.data.byteLength)).toEqual(lengths);
    received.forEach((message, i) => expect(new Uint8Array(message.data)).toEqual(payloads[i]));
  });

  it('keeps its place among the frames ws writes itself', async () => {
    pair = await connectPair();
    const text = (value: string) => new TextEncoder().encode(value);
    pair.connection.send(text('before'));
    pair.connection.sendFramed(encodeBinaryWsFrame(text('framed')));
    pair.connection.send(text('after'));
    const { received } = pair;
    await waitFor(() => received.length === 3, 'three messages');
    expect(received.map((message) => message.data.toString())).toEqual(['before', 'framed', 'after']);
  });

  it('writes nothing once the connection is closed', async () => {
    pair = await connectPair();
    pair.connection.close(4000, 'bye');
    // The closing handshake is still under way, so the socket would take the bytes.
    const writtenBefore = pair.serverSocket.bytesWritten;
    expect(() => pair!.connection.sendFramed(encodeBinaryWsFrame(bytesOf(10, 1)))).not.toThrow();
    expect(pair.serverSocket.bytesWritten).toBe(writtenBefore);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pair.received).toEqual([]);
  });

  it('drops a client that is not reading once its unsent bytes pass the limit', async () => {
    pair = await connectPair({ maxBufferedBytes: 256 * 1024 });
    const frame = encodeBinaryWsFrame(bytesOf(64 * 1024, 3));
    // The client cannot read while this loop holds the event loop, so the bytes pile up in the socket.
    let sent = 0;
    while (!pair.connection.closed && sent < 1000) {
      pair.connection.sendFramed(frame);
      sent++;
    }
    expect(pair.connection.closed).toBe(true);
    expect(sent).toBeLessThan(1000);
  });
});
