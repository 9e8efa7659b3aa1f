/**
 * Link targets a draft may carry. A hostile client can write any attribute
 * straight into the Y.XmlFragment, skipping the editor's parse rules, so every
 * place that renders or exports a link checks it again with this function.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** True for absolute http(s)/mailto/tel URLs and for relative or fragment links. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '') return false;
  // Control characters and whitespace inside a scheme are how `java\tscript:` slips through.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!scheme) return true;
  return ALLOWED_PROTOCOLS.has(scheme[1]!.toLowerCase() + ':');
}
