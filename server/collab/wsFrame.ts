/**
 * A server-to-client WebSocket frame carrying one binary message (RFC 6455
 * §5.2: FIN set, opcode 2, no mask, no extension bits), header and payload in
 * one buffer. A room frames each relayed update once and writes the same
 * bytes to every client, where `ws` would frame it again for each of them.
 * Only valid on connections without per-message compression.
 */
export function encodeBinaryWsFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerBytes = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerBytes);
  return frame;
}
