// The shape the importer produces and merges: a knowledge file as plain data, before it is
// written as YAML. Mirrors the loader's format (see schema/knowledge.schema.json).
import type { Language, Link } from '../domain.js';

/** A translation as the file writes it (the loader's Translation without its position). */
export interface DraftTranslation {
  question: string;
  answer: string;
  alternates: string[];
}

export interface DraftEntry {
  id: string;
  question: string;
  /** Markdown. */
  answer: string;
  alternates: string[];
  keywords: string[];
  links: Link[];
  related: string[];
  tags: string[];
  pinned: boolean;
  /** Written by hand, never by the importer: kept through a re-import. */
  restrictedTo?: string[];
  translations?: Partial<Record<Language, DraftTranslation>>;
}

export interface DraftFile {
  title?: string;
  source?: string;
  footer?: string;
  language?: Language;
  /** The file's own synonym groups: a maintainer's, never the page's. */
  synonyms?: string[][];
  entries: DraftEntry[];
}

export function draftEntry(id: string, question: string, answer: string): DraftEntry {
  return { id, question, answer, alternates: [], keywords: [], links: [], related: [], tags: [], pinned: false };
}
