// Reads the knowledge file a re-import goes into: its entries as drafts, and the comment
// lines at its top, which the rewritten file keeps.
import { readFileSync } from 'node:fs';
import { FaqbotError } from '../errors.js';
import { checkText, formatProblem } from '../knowledge/load.js';
import type { DraftFile } from './draft.js';

export interface ExistingFile {
  draft: DraftFile;
  /** Leading `#` lines without the `#`. */
  comment: string[];
  /** True when the file already names a schema for yaml-language-server. */
  hasModeline: boolean;
}

export function readExisting(path: string, display: string): ExistingFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FaqbotError('import', `${display}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { meta, entries, problems } = checkText(text, display);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new FaqbotError(
      'import',
      `${display}: cannot re-import into a knowledge file with errors; fix them first (faqbot check ${display})`,
      errors.map(formatProblem),
    );
  }
  const comment: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    comment.push(line.slice(1));
  }
  return {
    draft: {
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.source ? { source: meta.source } : {}),
      ...(meta.footer ? { footer: meta.footer } : {}),
      ...(meta.language ? { language: meta.language } : {}),
      ...(meta.synonyms ? { synonyms: meta.synonyms.map((group) => [...group]) } : {}),
      entries: entries.map((e) => ({
        id: e.id,
        question: e.question,
        answer: e.answer,
        alternates: [...e.alternates],
        keywords: [...e.keywords],
        links: [...e.links],
        related: [...e.related],
        tags: [...e.tags],
        pinned: e.pinned,
        ...(e.restrictedTo ? { restrictedTo: [...e.restrictedTo] } : {}),
        ...(e.translations
          ? {
              translations: Object.fromEntries(
                Object.entries(e.translations).map(([l, t]) => [
                  l,
                  { question: t!.question, answer: t!.answer, alternates: [...t!.alternates] },
                ]),
              ),
            }
          : {}),
      })),
    },
    comment,
    hasModeline: comment.some((line) => line.includes('yaml-language-server:')),
  };
}
