// Entry ids from question headings: kebab-case, short enough to type, unique in one file.
import { ID_PATTERN } from '../knowledge/validate.js';

const MAX_ID_LENGTH = 60;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "what's" reads better as "whats" than "what-s".
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID_LENGTH) return slug || 'question';
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH).replace(/-+$/, '');
}

/** A slug of `text` not yet in `taken` (then adds it): `foo`, `foo-2`, `foo-3`... */
export function uniqueId(text: string, taken: Set<string>): string {
  const base = slugify(text);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  if (!ID_PATTERN.test(id)) throw new Error(`internal: slug "${id}" is not kebab-case`);
  taken.add(id);
  return id;
}
