/** `text` cut to at most `maxChars` characters, the cut shown by an ellipsis; for quoting copy in a line of a list. */
export const shortQuote = (text: string, maxChars: number): string =>
  text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
