// Answers as plain sentences: what the meaning signal embeds and calibration probes with.
// A light strip of Markdown (code blocks, link targets, emphasis marks), not a renderer.

/** The sentences of an answer, as plain words. */
export function sentences(markdown: string): string[] {
  return plainText(markdown)
    .split(/(?<=[.!?])\s+/)
    .filter((t) => t.length >= 12)
    .slice(0, 40);
}

function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_>#|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The answer's first sentence as plain words: Markdown, links and code marks dropped. */
export function firstSentence(markdown: string): string {
  const plain = plainText(markdown);
  const m = /^(.{12,}?[.!?])(\s|$)/.exec(plain);
  return (m ? m[1]! : plain).slice(0, 300);
}
