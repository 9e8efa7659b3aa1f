import { isSafeUrl } from '../../shared/schema/safeUrl.ts';

/**
 * Turns what someone typed into a link target: a bare domain ("example.com/x")
 * becomes https://; anything with a scheme, a path, a fragment or a query is
 * kept. Returns null when the result is not a safe link (see isSafeUrl), e.g.
 * `javascript:` or an empty string.
 */
export function toLinkTarget(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const isRelative = /^[/#?.]/.test(trimmed);
  const looksLikeDomain = /^[^\s/]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(trimmed);
  const candidate = !hasScheme && !isRelative && looksLikeDomain ? `https://${trimmed}` : trimmed;
  if (/\s/.test(candidate)) return null;
  return isSafeUrl(candidate) ? candidate : null;
}
