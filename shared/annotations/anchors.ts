import * as Y from 'yjs';

/**
 * Anchors tie a flag to the copy with Yjs relative positions, so the flag
 * follows the words as people type around or inside them. On the wire and in
 * the annotations root they travel as base64 of `Y.encodeRelativePosition`.
 */
export function encodeAnchor(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes an anchor; undefined when it is not base64 of a relative position. */
export function decodeAnchor(anchor: string): Y.RelativePosition | undefined {
  if (anchor.length === 0 || anchor.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(anchor)) return undefined;
  try {
    const binary = atob(anchor);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return undefined;
  }
}
