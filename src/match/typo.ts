// Typo-tolerant term lookup by symmetric deletion: a term and every form of it with one
// letter removed point at the index terms that share that form. Two terms that meet this way
// are at most one edit (insert, delete, substitute, swap) apart, most of the time.
export class TypoIndex {
  private readonly byDeletion = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    for (const term of vocabulary) {
      if (term.length < 4 || /[\d_]/.test(term)) continue;
      for (const form of deletions(term)) {
        let list = this.byDeletion.get(form);
        if (!list) this.byDeletion.set(form, (list = []));
        if (list.length < 8) list.push(term);
      }
    }
  }

  /** Index terms one edit from `term` (never `term` itself); empty for short or numeric terms. */
  near(term: string): string[] {
    if (term.length < 4 || /[\d_]/.test(term)) return [];
    const found = new Set<string>();
    for (const form of deletions(term)) for (const t of this.byDeletion.get(form) ?? []) if (t !== term) found.add(t);
    return [...found].slice(0, 4);
  }
}

function deletions(term: string): string[] {
  const out = [term];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}
