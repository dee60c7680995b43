// The small Markdown subset question texts use (paragraphs, "- " lists, fenced code, `code`, **bold**,
// *emphasis*), rendered as React elements. Question files are data: no raw HTML is ever interpreted,
// so a "<script>" in a prompt shows up as text.
import { Fragment, type ReactNode } from "react";

type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "code"; text: string; language: string };

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    if (list) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      blocks.push({ kind: "code", text: body.join("\n"), language: fence[2] });
      continue;
    }
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph.length) {
        blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
        paragraph = [];
      }
      list = [...(list ?? []), item[1]];
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Inline spans: `code` first (its content is literal), then **bold** and *emphasis*. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\n/g;
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    if (match[1] !== undefined) out.push(<code key={key++}>{match[1]}</code>);
    else if (match[2] !== undefined) out.push(<strong key={key++}>{renderInline(match[2])}</strong>);
    else if (match[3] !== undefined) out.push(<em key={key++}>{match[3]}</em>);
    else out.push(<br key={key++} />);
    last = index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      {parseBlocks(source).map((block, index) => (
        <Fragment key={index}>
          {block.kind === "paragraph" ? <p>{renderInline(block.text)}</p> : null}
          {block.kind === "list" ? (
            <ul>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{renderInline(item)}</li>
              ))}
            </ul>
          ) : null}
          {block.kind === "code" ? (
            <pre className="code-block">
              <code>{block.text}</code>
            </pre>
          ) : null}
        </Fragment>
      ))}
    </div>
  );
}
