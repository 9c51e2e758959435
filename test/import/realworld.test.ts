// The real-world sets measure importer and matcher together: each knowledge.yaml must stay what
// a fresh import of its page gives today, with the command its SOURCE.md records.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPage } from '../../src/import/page.js';
import { draftToYaml } from '../../src/import/write-yaml.js';

const SETS = [
  ['mise', 'https://mise.jdx.dev/faq.html'],
  ['ntfy', 'https://docs.ntfy.sh/faq/'],
  ['osu', 'https://osu.ppy.sh/wiki/en/FAQ'],
  ['zmk', 'https://zmk.dev/docs/faq'],
  ['discordjs', 'https://discordjs.guide/popular-topics/faq.html'],
  ['overseerr', 'https://docs.overseerr.dev/support/faq'],
] as const;

const withoutModeline = (yaml: string) => yaml.slice(yaml.indexOf('\n') + 1);

describe('the real-world sets are fresh imports', () => {
  it.each(SETS)('%s: knowledge.yaml is what importing source.md from %s gives', (name, baseUrl) => {
    const dir = `eval/realworld/${name}`;
    const page = importPage(readFileSync(`${dir}/source.md`, 'utf8'), { baseUrl: new URL(baseUrl) });
    const committed = readFileSync(`${dir}/knowledge.yaml`, 'utf8');
    // If this fails after an importer change, re-import as eval/realworld/README.md says and map the expected ids.
    expect(withoutModeline(draftToYaml(page.draft, { schemaRef: 'schema.json' }))).toBe(withoutModeline(committed));
  });
});
