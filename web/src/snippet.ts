// Search snippets from the server: escaped HTML whose only markup is <mark> around the words found. They are read
// into plain text parts here, so that nothing in a story's text can ever become markup in the page.
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/// The text of escaped HTML: named (the five of XML) and numeric character references; anything else as it is.
export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-fA-F]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

/// The snippet as text parts, those that were inside <mark> marked.
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  return snippet
    .split(/(<mark>.*?<\/mark>)/g)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('<mark>') && part.endsWith('</mark>')
        ? { text: decodeEntities(part.slice(6, -7)), marked: true }
        : { text: decodeEntities(part), marked: false },
    );
}
