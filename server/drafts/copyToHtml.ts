import type { ImportFormat } from '../../shared/api/drafts.ts';
import { markdownToHtml } from './markdownToHtml.ts';
import { plainTextToHtml } from './plainTextToHtml.ts';

/**
 * Copy in any import format as HTML, the one shape the draft parser reads.
 * HTML passes through untouched: it is untrusted either way, and the parser,
 * not this step, decides what survives.
 */
export function copyToHtml(text: string, format: ImportFormat): string {
  switch (format) {
    case 'markdown':
      return markdownToHtml(text);
    case 'text':
      return plainTextToHtml(text);
    case 'html':
      return text;
  }
}
