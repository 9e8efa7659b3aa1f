import { describe, expect, it } from 'vitest';
import { decodeImportText } from '../../../server/drafts/decodeImportText.ts';
import { appErrorCode } from './appErrorCode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeImportText', () => {
  it('decodes UTF-8 and keeps curly quotes, dashes and accents intact', () => {
    expect(decodeImportText(utf8('“Café” — it’s 24-hour'))).toBe('“Café” — it’s 24-hour');
  });

  it('strips a byte-order mark', () => {
    expect(decodeImportText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')]))).toBe('Hello');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    expect(decodeImportText(utf8('one\r\ntwo\rthree\n'))).toBe('one\ntwo\nthree\n');
  });

  it('drops invisible control characters but keeps tabs and newlines', () => {
    expect(decodeImportText(utf8('a\u0007b\u000bc\td\ne\u007f'))).toBe('abc\td\ne');
  });

  it.each([
    ['no bytes at all', new Uint8Array()],
    ['spaces and newlines', utf8('  \n\r\n\t \n')],
    ['only a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only non-breaking spaces', utf8('\u00a0\u00a0')],
  ])('refuses %s as empty_import', (_label, bytes) => {
    expect(appErrorCode(() => decodeImportText(bytes))).toBe('empty_import');
  });

  it.each([
    ['a NUL byte in otherwise valid text', new Uint8Array([...utf8('Hello'), 0, ...utf8('world')])],
    ['UTF-16 text (full of NUL bytes)', new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])],
    ['a lone continuation byte', new Uint8Array([...utf8('caf'), 0xa9])],
    ['Latin-1 bytes', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])],
    ['a truncated multi-byte sequence', new Uint8Array([...utf8('quote '), 0xe2, 0x80])],
    ['a PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
  ])('refuses %s as unsupported_media_type', (_label, bytes) => {
    expect(appErrorCode(() => decodeImportText(bytes))).toBe('unsupported_media_type');
  });
});
