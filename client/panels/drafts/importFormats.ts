import type { ImportFormat } from '../../../shared/api/drafts.ts';

/** The file types the importer takes, for the file input's `accept`. */
export const IMPORT_ACCEPT = '.md,.markdown,.html,.htm,.txt,text/markdown,text/html,text/plain';

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

/** The import format for a file name, or null for a file type the importer does not take. */
export function importFormatFor(filename: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return extension ? (FORMAT_BY_EXTENSION[extension] ?? null) : null;
}
