import { renderProtocolMarkdown } from './protocol-markdown';

/** Every opening tag of the HTML with its attributes, e.g. ['a', { href: '…' }]. */
function tags(html: string): [string, Record<string, string>][] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map(([, name, rest]) => [
    name.toLowerCase(),
    Object.fromEntries(
      [...rest.matchAll(/([^\s=/]+)(?:\s*=\s*"([^"]*)")?/g)].map(([, attr, value]) => [
        attr.toLowerCase(),
        value ?? '',
      ]),
    ),
  ]);
}

const ALLOWED_TAGS = new Set([
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
]);

function expectSafe(html: string): void {
  for (const [name, attributes] of tags(html)) {
    expect(ALLOWED_TAGS.has(name)).toBe(true);
    for (const [attribute, value] of Object.entries(attributes)) {
      expect(attribute.startsWith('on')).toBe(false);
      if (attribute === 'href') expect(value).toMatch(/^(https?:|mailto:|tel:|#|\/(?!\/))/i);
    }
  }
  expect(html).not.toMatch(/<script|<iframe|<img|<svg|<style|<object|<embed/i);
  expect(html).not.toMatch(/href\s*=\s*"\s*(javascript|vbscript|data):/i);
}

describe('protocol Markdown → sanitised HTML', () => {
  it('renders ordinary Markdown', () => {
    const html = renderProtocolMarkdown(
      '# Referral protocol\n\n1. Call the **intake line**\n2. Send the [form](https://example.org/form)\n\n| step | who |\n| :-- | --: |\n| 1 | NGO |',
    );
    expect(html).toContain('<h1>Referral protocol</h1>');
    expect(html).toContain('<strong>intake line</strong>');
    expect(html).toContain('<a href="https://example.org/form" rel="noopener noreferrer nofollow">form</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td style="text-align:right">NGO</td>');
    expectSafe(html);
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['a script tag inside a paragraph', 'Read this <script src="https://evil.example/x.js"></script> now'],
    ['an event handler on an image', '<img src="x" onerror="alert(1)">'],
    ['an event handler on a link', '<a href="https://example.org" onclick="alert(1)">x</a>'],
    ['an svg with onload', '<svg onload="alert(1)"></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style block', '<style>body { display: none }</style>'],
    ['a javascript: link', '[click me](javascript:alert(document.cookie))'],
    ['an obfuscated javascript: link', '[click me](JaVaScRiPt:alert(1))'],
    ['an entity-encoded javascript: link', '[click me](&#106;avascript:alert(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a javascript: reference link', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['an image with a javascript: source', '![x](javascript:alert(1))'],
    ['a protocol-relative link', '[x](//evil.example/path)'],
  ])('neutralises %s', (_name, markdown) => {
    const html = renderProtocolMarkdown(markdown);
    expectSafe(html);
  });

  it('keeps the words of raw HTML as text, never as markup', () => {
    const html = renderProtocolMarkdown('Before <b onmouseover="alert(1)">bold</b> after');
    expect(html).toBe('<p>Before &lt;b onmouseover="alert(1)"&gt;bold&lt;/b&gt; after</p>\n');
  });

  it('keeps mailto: and tel: links', () => {
    const html = renderProtocolMarkdown('[mail](mailto:intake@example.org) [call](tel:+15550100)');
    expect(html).toContain('href="mailto:intake@example.org"');
    expect(html).toContain('href="tel:+15550100"');
  });
});
