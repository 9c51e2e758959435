// The shape the importer produces and merges: a knowledge file as plain data, before it is
// written as YAML. Mirrors the loader's format (see schema/knowledge.schema.json).
import type { Link } from '../domain.js';

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
}

export interface DraftFile {
  title?: string;
  source?: string;
  footer?: string;
  entries: DraftEntry[];
}

export function draftEntry(id: string, question: string, answer: string): DraftEntry {
  return { id, question, answer, alternates: [], keywords: [], links: [], related: [], tags: [], pinned: false };
}
