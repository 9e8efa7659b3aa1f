import MarkdownIt from 'markdown-it';

// Raw HTML stays off: Markdown is how people paste copy, not a way to smuggle markup past
// the HTML rules. Typographer stays off too: it would rewrite the reporter's quotes and
// dashes, and the desk decides house style, not the importer.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/**
 * Markdown rendered to HTML. Tags written in the source come out as escaped text;
 * markdown-it already refuses `javascript:`-like link targets, and the draft
 * parser checks every link again.
 */
export function markdownToHtml(text: string): string {
  return markdown.render(text);
}
