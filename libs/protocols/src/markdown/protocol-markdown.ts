import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → HTML that is safe to drop into a page. Two independent layers, so one bug is not an
 * injection: markdown-it with raw HTML off (any tag in the source comes out as text) and its link
 * check (no javascript:, vbscript:, file: or data: links), then sanitize-html with an allowlist of
 * tags, attributes and URL schemes (no scripts, styles, event handlers, images or iframes).
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
  // Table alignment is the only style markdown-it writes; nothing else survives.
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links lead out of the hub: no referrer, no access to the opener, no endorsement.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** The sanitised HTML of a protocol body written in Markdown. */
export function renderProtocolMarkdown(body: string): string {
  return sanitizeHtml(markdown.render(body), SANITIZE);
}
