import { Mark, Text } from '@mantine/core';

/** The parts of a snippet: the API puts the matched words between [[ and ]]. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /\[\[([\s\S]*?)\]\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    parts.push({ text: m[1]!, match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

/** Text around a match with the matched words highlighted, rendered as text (never as HTML). */
export function Snippet({ snippet }: { snippet: string }) {
  if (!snippet) return null;
  return (
    <Text size="xs" c="gray.7" lh={1.45} lineClamp={2} data-testid="search-snippet">
      {snippetParts(snippet).map((p, i) =>
        p.match ? (
          <Mark key={i} color="yellow" px={1} fw={600} c="dark.8">
            {p.text}
          </Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </Text>
  );
}
