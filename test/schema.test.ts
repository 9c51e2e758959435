// The JSON Schema is what editors check while a maintainer types; the loader is what the bot
// and `faqbot check` use. They must agree, or an editor would bless a file the bot refuses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, checkText } from '../src/knowledge/load.js';
import { ENTRY_KEYS, FILE_KEYS } from '../src/knowledge/validate.js';

const root = join(import.meta.dirname, '..');
const schema = JSON.parse(readFileSync(join(root, 'schema/knowledge.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);

function yamlFilesIn(dir: string, filter: (name: string) => boolean = () => true): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name) && filter(name))
    .map((name) => join(dir, name));
}

const shipped = [
  ...yamlFilesIn('knowledge'),
  ...yamlFilesIn('eval', (name) => /knowledge/.test(name)),
  'test/fixtures/banking77/knowledge.yaml',
  'test/fixtures/languages/knowledge/faq.yaml',
  ...yamlFilesIn('test/fixtures/import', (name) => /expected|golden/.test(name)),
];

function schemaErrors(text: string): string[] {
  return validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('knowledge.schema.json', () => {
  it('knows exactly the keys the loader knows', () => {
    const json = schema as { properties: object; $defs: { entry: { properties: object } } };
    expect(Object.keys(json.properties).sort()).toEqual([...FILE_KEYS].sort());
    expect(Object.keys(json.$defs.entry.properties).sort()).toEqual([...ENTRY_KEYS].sort());
  });

  it('finds the bundled knowledge base and the benchmark fixture', () => {
    expect(shipped).toContain('knowledge/almalinux.yaml');
    expect(shipped).toContain('test/fixtures/banking77/knowledge.yaml');
  });

  it.each(shipped)('accepts %s, and so does the loader', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(schemaErrors(text)).toEqual([]);
    const { knowledge, problems } = checkKnowledge(join(root, file), root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(knowledge?.entries.length).toBeGreaterThan(0);
  });

  const entry = (extra: string) => `entries:\n  - id: my-topic\n    question: Q?\n    answer: A.\n${extra}`;
  const cases: { name: string; text: string; valid: boolean }[] = [
    { name: 'a minimal file', text: entry(''), valid: true },
    {
      name: 'every field',
      text: `$schema: ../schema/knowledge.schema.json\ntitle: T\nsource: https://example.org/faq\nfooter: F\n${entry('    alternates: [a]\n    keywords: [k, 2029]\n    links: [{ title: Docs, url: https://example.org }]\n    related: [my-topic]\n    tags: [t]\n    pinned: true\n')}`,
      valid: true,
    },
    { name: 'a number as a question', text: 'entries:\n  - id: x\n    question: 404\n    answer: Not found.\n', valid: false },
    { name: 'a quoted number as a question', text: 'entries:\n  - id: x\n    question: "404"\n    answer: Not found.\n', valid: true },
    { name: 'a boolean as an answer', text: 'entries:\n  - id: x\n    question: Q\n    answer: true\n', valid: false },
    { name: 'no entries', text: 'title: T\n', valid: false },
    { name: 'entries not a list', text: 'entries: {}\n', valid: false },
    { name: 'an unknown top-level key', text: `titel: T\n${entry('')}`, valid: false },
    { name: 'an unknown entry key', text: entry('    answr: x\n'), valid: false },
    { name: 'an id that is not kebab-case', text: 'entries:\n  - id: My_Topic\n    question: Q\n    answer: A\n', valid: false },
    { name: 'a missing answer', text: 'entries:\n  - id: x\n    question: Q\n', valid: false },
    { name: 'an empty question', text: 'entries:\n  - id: x\n    question: "  "\n    answer: A\n', valid: false },
    { name: 'alternates as one text', text: entry('    alternates: how do i\n'), valid: false },
    { name: 'an empty keyword', text: entry('    keywords: [""]\n'), valid: false },
    { name: 'a link without url', text: entry('    links: [{ title: Docs }]\n'), valid: false },
    { name: 'a relative link url', text: entry('    links: [{ title: Docs, url: /docs }]\n'), valid: false },
    { name: 'a source that is not a URL', text: `source: wiki page\n${entry('')}`, valid: false },
    { name: 'pinned as text', text: entry('    pinned: "yes"\n'), valid: false },
    { name: 'an empty footer', text: `footer: ""\n${entry('')}`, valid: false },
    { name: 'a base language', text: `language: de\n${entry('')}`, valid: true },
    { name: 'a language faqbot does not speak', text: `language: fr\n${entry('')}`, valid: false },
    {
      name: 'a translation',
      text: entry('    translations:\n      de:\n        question: F?\n        answer: A.\n        alternates: [f]\n'),
      valid: true,
    },
    { name: 'a translation without its answer', text: entry('    translations:\n      es:\n        question: ¿P?\n'), valid: false },
    {
      name: 'a translation into an unknown language',
      text: entry('    translations:\n      xx:\n        question: Q?\n        answer: A.\n'),
      valid: false,
    },
    {
      name: 'a translation under a regional locale',
      text: entry('    translations:\n      es-ES:\n        question: ¿P?\n        answer: R.\n'),
      valid: false,
    },
    {
      name: 'a translation with keywords of its own',
      text: entry('    translations:\n      de:\n        question: F?\n        answer: A.\n        keywords: [k]\n'),
      valid: false,
    },
    { name: 'empty translations', text: entry('    translations: {}\n'), valid: false },
  ];

  it.each(cases)('agrees with the loader on $name', ({ text, valid }) => {
    const loaderErrors = checkText(text, 'case.yaml').problems.filter((p) => p.severity === 'error');
    expect(schemaErrors(text).length === 0).toBe(valid);
    expect(loaderErrors.length === 0).toBe(valid);
  });
});
