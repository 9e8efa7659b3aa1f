import { emptyImport, unsupportedMediaType } from '../appError.ts';

// Controls other than tab and newline are invisible in the editor and break exports;
// they reach us from word processors' text exports, not from anyone's intent.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * The text of an uploaded file: UTF-8 decoded, byte-order mark removed, line
 * endings made `\n`.
 *
 * Throws `unsupported_media_type` when the bytes are not UTF-8 text (a NUL byte
 * means a binary file or UTF-16, which we ask the user to save as UTF-8), and
 * `empty_import` when nothing but whitespace remains.
 */
export function decodeImportText(bytes: Uint8Array): string {
  // Checked before decoding: NUL is valid UTF-8, so the decoder would accept a .docx.
  if (bytes.includes(0)) {
    throw unsupportedMediaType('the file is not text; save it as UTF-8 text, Markdown or HTML');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw unsupportedMediaType('the file is not valid UTF-8 text; save it as UTF-8 and try again');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n').replace(STRAY_CONTROLS, '');
  if (text.trim() === '') throw emptyImport('the file has no text in it');
  return text;
}
