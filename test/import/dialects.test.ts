// Pages written in the dialects FAQ sites use (MkDocs Material, VitePress/Docusaurus, question
// blocks, troubleshooting pages): answers must come out as plain Markdown with no markup debris.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNotes } from '../../src/import/report.js';
import { importPage, type ImportedPage } from '../../src/import/page.js';
import { draftToYaml } from '../../src/import/write-yaml.js';
import { checkText } from '../../src/knowledge/load.js';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const base = new URL('https://docs.example.org/faq/');
const answerOf = (page: ImportedPage, question: string) => page.draft.entries.find((e) => e.question === question)?.answer ?? '';
const DEBRIS = /<[a-z/!]|:::|!!!|\?\?\?|\{:|\{ *[#.]|\[\^|\*\[[A-Z]|::\\:|^\*\*\*$|&#x20;/im;

function loads(page: ImportedPage): void {
  expect(checkText(draftToYaml(page.draft), 'out.yaml').problems.filter((p) => p.severity === 'error')).toEqual([]);
}

describe('a MkDocs Material page', () => {
  const page = importPage(read('mkdocs-material.md'), { baseUrl: base, repoUrl: new URL('https://github.com/org/repo/blob/main/docs/') });
  const kinds = (kind: string) => page.notes.filter((n) => n.kind === kind).map((n) => n.detail);

  it('leaves no markup debris in any answer or the footer', () => {
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(DEBRIS);
    expect(page.draft.footer).not.toMatch(DEBRIS);
    loads(page);
  });

  it('drops anchors and attribute lists, and joins hard-wrapped lines, inside inline code too', () => {
    expect(answerOf(page, 'How do I install Teapot Server?')).toMatch(
      /^Download the package from the \[releases page\]\(https:\/\/example\.org\/teapot\/releases\) and run `teapot init` once\. See/,
    );
    expect(kinds('attributes')).toEqual(['{:target="_blank"}']);
    expect(page.draft.entries.map((e) => e.question)).toContain('How does brewing green tea work?');
  });

  it('renders admonitions as quotes, with their title, or none for an empty title', () => {
    const install = answerOf(page, 'How do I install Teapot Server?');
    expect(install).toContain('> **Before you start:** Teapot Server needs a kettle with at least 1 litre.');
    expect(install).toContain('> One command: `teapot init`.');
    expect(answerOf(page, 'Why does my teapot whistle?')).toContain('> **Tip:** A lid with a vent stays quiet.');
  });

  it('turns HTML into Markdown: details as a bold line and its body, br as a break, img as an image', () => {
    const whistle = answerOf(page, 'Why does my teapot whistle?');
    expect(whistle).toContain('**What the whistle levels mean**\n\nShort whistles are fine');
    const green = answerOf(page, 'How does brewing green tea work?');
    expect(green).toContain('never boiling.\\\nSteep two minutes.');
    expect(green).toContain('![A cup of green tea](https://docs.example.org/img/green.png)');
  });

  it('resolves reference-style images with their definitions, wherever the page keeps them', () => {
    expect(answerOf(page, 'How does brewing green tea work?')).toContain('![Cup](https://docs.example.org/img/cup.png "A cup")');
  });

  it('attaches each footnote to the entry that cites it, and to no other', () => {
    const whistle = answerOf(page, 'Why does my teapot whistle?');
    expect(whistle).toContain('the water boiled¹.');
    expect(whistle).toMatch(/¹ At sea level water boils at 100 °C\.$/);
    expect(whistle).not.toContain('30 days');
    expect(answerOf(page, 'Where do the brewing logs go?')).toMatch(/one file a day¹\.\n\n¹ Logs older than 30 days are removed\.$/);
    expect(kinds('footnote')).toHaveLength(2);
  });

  it('removes abbreviation definitions, and takes the closing notice as the footer', () => {
    expect(kinds('abbreviation')).toEqual(['*[TLS] removed', '*[CLI] removed']);
    expect(page.draft.footer).toBe('Teapot is a trademark of the Example Tea Company. © 2026 Example Tea Company.');
    expect(answerOf(page, 'Where do the brewing logs go?')).not.toMatch(/trademark|---/);
  });

  it('keeps deeper sub-sections inside their entry, and skips navigation', () => {
    expect(answerOf(page, 'How does brewing green tea work?')).toContain('**Steeping times**\n\n| Tea');
    expect(answerOf(page, 'How does brewing green tea work?')).toContain('**For experts**\n\nPre-warm the cup.');
    expect(page.skipped).toEqual([
      { heading: 'Table of contents', reason: 'navigation, not an answer' },
      { heading: 'See also', reason: 'navigation, not an answer' },
    ]);
  });

  it('serves links the MkDocs way, and sends links out of the docs folder to the repository', () => {
    const install = answerOf(page, 'How do I install Teapot Server?');
    expect(install).toContain('(https://docs.example.org/install/)');
    const config = answerOf(page, 'Can I change the config file location?');
    expect(config).toContain('(https://github.com/org/repo/blob/main/config/teapot.toml)');
    expect(config).toContain('(https://docs.example.org/settings/#tls)');
    expect(page.linkStyle).toBe('directory');
  });
});

describe('a VitePress / Docusaurus page', () => {
  const page = importPage(read('vitepress.md'));

  it('renders ::: containers, with or without the space, titled or not, as quotes', () => {
    expect(answerOf(page, 'How do I update Widget?')).toBe('Run `widget update`.\n\n> **Tip:** Updates keep your settings.');
    const offline = answerOf(page, 'Does Widget work offline?');
    expect(offline).toContain('> **Network needed:** The first start downloads the catalogue.\n>\n> Later starts do not.');
    expect(offline).toContain('> **Pro tip:** Pass `--offline` to skip the check.');
    expect(offline).toContain('> **Good to know:** The catalogue is 20 MB.');
  });

  it('closes a details container that ends right after a list, and keeps colons in prose as text', () => {
    const logs = answerOf(page, 'Where are the logs?');
    expect(logs).toContain('> **Show the paths:**\n>\n> - Linux: `~/.local/state/widget`');
    expect(logs).toContain('It is 10:30 somewhere: logs rotate at:midnight.');
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(DEBRIS);
    loads(page);
  });
});

/** Template syntax a static-site generator would have expanded: none of it may reach an answer. */
const TEMPLATE_DEBRIS = /\{%|%\}|\{\{[<%]|[>%]\}\}|\[\[|\]\]|^import |^export |\[!\w+\]|==\w|\bTOC\b/m;
const templateNotes = (page: ImportedPage) => page.notes.filter((n) => n.kind === 'template').map((n) => n.detail);

describe('a Jekyll page (Liquid)', () => {
  const page = importPage(read('jekyll-liquid.md'), { baseUrl: base });

  it('resolves {{ site.baseurl }} and relative_url in links, so they are links to the site', () => {
    expect(answerOf(page, 'How do I install Lamplighter?')).toMatch(
      /^Download it from the \[releases page\]\(https:\/\/docs\.example\.org\/releases\/\) and read the \[setup guide\]\(https:\/\/docs\.example\.org\/docs\/setup\/\) before/,
    );
  });

  it('turns {% highlight %} into a fenced code block and keeps {% raw %} text exactly as the site shows it', () => {
    expect(answerOf(page, 'How do I install Lamplighter?')).toContain('```sh\nlamplighter --init\n```');
    const templates = answerOf(page, 'How do I write a lamp template?');
    expect(templates).toBe(
      "Templates are plain text with placeholders: `{{ lamp.name }}` becomes the lamp's name, and {{ lamp.room }} its room.\n\nA whole block: {{ lamp.watts }} watts.",
    );
  });

  it('drops comments, include and if tags and the table of contents, keeping what the tags enclose', () => {
    expect(answerOf(page, 'How do I write a lamp template?')).not.toContain('TODO');
    expect(answerOf(page, 'Does it run on a Raspberry Pi?')).toMatch(/^Yes, on any Pi from the 3B on\. See the hardware list for details;/);
    for (const entry of page.draft.entries.filter((e) => e.question !== 'How do I write a lamp template?'))
      expect(entry.answer.replace('{{ site.version }}', '')).not.toMatch(TEMPLATE_DEBRIS);
    expect(templateNotes(page)).toEqual(
      expect.arrayContaining(['table of contents marker {:toc}', '{% include %} removed', '{% comment %} dropped']),
    );
  });

  it('leaves a value only the site can fill in as written, and says so', () => {
    expect(answerOf(page, 'Does it run on a Raspberry Pi?')).toContain('version {{ site.version }} needs 1 GB.');
    expect(templateNotes(page)).toContain('{{ site.version }} left as written: a value the site fills in; replace it by hand');
    // Inside {% raw %} the braces are the page's own text: nothing to replace.
    expect(templateNotes(page).filter((n) => n.includes('lamp.'))).toEqual([]);
    loads(page);
  });
});

describe('a Hugo page (shortcodes)', () => {
  const page = importPage(read('hugo-shortcodes.md'), { baseUrl: base });

  it('renders callout shortcodes as quotes, with their type or title as the label', () => {
    const night = answerOf(page, 'Why does Beacon stop blinking at night?');
    expect(night).toBe(
      '> **Warning:** Night mode dims every beacon after 22:00.\n\nTurn it off under Settings; see [night mode](https://docs.example.org/night-mode/).\n\n> **Tip:** A schedule can keep one beacon on.',
    );
    expect(answerOf(page, 'Can Beacon send me an email?')).toContain('> **Since 2.0:** Email alerts need an SMTP server.');
  });

  it('makes {{< ref >}} a link, {{< highlight >}} a code block, and drops other shortcodes without leaving gaps', () => {
    const email = answerOf(page, 'Can Beacon send me an email?');
    expect(email).toContain('```yaml\nsmtp: mail.example.org\n```');
    expect(email).toMatch(/Ask in the forum if it fails\.$/);
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(TEMPLATE_DEBRIS);
    expect(templateNotes(page)).toEqual(expect.arrayContaining(['{{< ref >}} made a link', '{{< youtube >}} removed']));
    // A ref path with folders names the page from the content root, not from beside this page.
    expect(answerOf(page, 'Where is the command reference?')).toBe('In the [handbook](https://docs.example.org/docs/handbook/cli/).');
    loads(page);
  });
});

describe('an MDX page with GitHub alerts', () => {
  const page = importPage(read('mdx-alerts.md'));

  it('drops MDX import and export lines, even an export over several lines, and takes the page title', () => {
    expect(page.draft.title).toBe('Frequently asked questions');
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'How do I update Kettlebot?',
      'Where do I report a bug?',
      'How do I install Kettlebot?',
    ]);
    expect(templateNotes(page)).toEqual(expect.arrayContaining(['MDX import line', 'MDX export line']));
  });

  it('renders GitHub alerts and Obsidian callouts as labelled quotes; a plain quote stays as it was', () => {
    expect(answerOf(page, 'How do I update Kettlebot?')).toBe(
      '> **Important:** Back up your recipes first.\n\nRun `kettlebot update`. Read the upgrade notes when you skip a version.',
    );
    expect(answerOf(page, 'Where do I report a bug?')).toBe(
      '> **Before you report:** Search the open issues.\n\nOpen an issue on the tracker.\n\n> A plain quote stays a quote.',
    );
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(TEMPLATE_DEBRIS);
    loads(page);
  });

  it('keeps which tab each code block was on, as a bold label', () => {
    expect(answerOf(page, 'How do I install Kettlebot?')).toBe(
      '**npm**\n\n```sh\nnpm install kettlebot\n```\n\n**Yarn**\n\n```sh\nyarn add kettlebot\n```',
    );
  });

  it('leaves template-like text inside code alone', () => {
    const code = importPage('## How do I print a tag?\n\nUse `{% raw %}` or:\n\n```liquid\n{% include tag.html %}\n{{< hint >}}\n```\n');
    expect(code.draft.entries[0]!.answer).toBe('Use `{% raw %}` or:\n\n```liquid\n{% include tag.html %}\n{{< hint >}}\n```');
  });
});

describe('a README-style FAQ (numbered and Q:-marked headings, HTML headings, details blocks, bold questions)', () => {
  const page = importPage(read('readme-faq.md'));

  it('finds every question, however the page marks it, in page order', () => {
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'What is Sprocket?',
      'Is Sprocket free?',
      'Can I use Sprocket on Windows?',
      'How do I uninstall Sprocket?',
      'Does Sprocket collect data?',
      'How do I change the theme?',
      'Why is the first start slow?',
      'Can I contribute?',
      'Where is the log kept?',
      'Can I keep two logs?',
      'Why?',
    ]);
    expect(page.draft.entries.map((e) => e.id)).toContain('sprocket-free');
  });

  it('takes each answer without the "A:" mark, the HTML or the next question', () => {
    expect(answerOf(page, 'Is Sprocket free?')).toBe('Yes, under the MIT licence.');
    expect(answerOf(page, 'Does Sprocket collect data?')).toMatch(/^No telemetry at all\./);
    expect(answerOf(page, 'How do I change the theme?')).toBe('Open **Settings** and pick one.');
    expect(answerOf(page, 'Why is the first start slow?')).toBe('It builds a cache of your rides.');
    expect(answerOf(page, 'Can I contribute?')).toBe('Yes, send a pull request.');
    expect(answerOf(page, 'Where is the log kept?')).toBe('In `~/.sprocket/log`.');
    expect(answerOf(page, 'Why?')).toBe('Because bicycles need care.');
  });

  it('keeps a details block that asks nothing in the answer of the heading above, as a bold line', () => {
    expect(answerOf(page, 'Why is the first start slow?')).not.toContain('keyboard');
    expect(answerOf(page, 'How do I uninstall Sprocket?')).toBe('Delete its folder. 🚲');
    expect(answerOf(page, 'Does Sprocket collect data?')).toBe(
      'No telemetry at all.\n\n**Show the keyboard shortcuts**\n\n`s` saves, `q` quits.',
    );
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(DEBRIS);
    loads(page);
  });
});

describe('shapes seen on real FAQ pages (content tabs, MDX callouts, code groups, definition lists, Q/A marks)', () => {
  const page = importPage(read('survey-shapes.md'), { baseUrl: base });
  const templates = page.notes.filter((n) => n.kind === 'template').map((n) => n.detail);

  it('keeps content tabs and code-group tabs as bold labels over plain code blocks, without the fence meta', () => {
    expect(answerOf(page, 'How do I configure Zorp?')).toMatch(
      /^\*\*zorp\.toml\*\*\n\n```toml\nspeed = 3\n```\n\n\*\*pyproject\.toml\*\*\n\n```toml\n\[tool\.zorp\]\nspeed = 3\n```/,
    );
    expect(answerOf(page, 'How do I lay out the dashboard?')).toBe(
      '**Two columns**\n\n```md\n<div class="grid">left</div>\n```\n\n**Three columns**\n\n```md\n<div class="grid-3">middle</div>\n```\n\n**dash.js**\n\n```js\nconst columns = 2;\n```',
    );
  });

  it('renders MDX callouts as labelled quotes, keeping code and angle brackets, and drops MDX comments', () => {
    const configure = answerOf(page, 'How do I configure Zorp?');
    expect(configure).toContain('> **Note:** Give the `zorp` user access with `chown zorp <folder>`.');
    expect(configure).toContain('> **TL;DR:** The defaults are fine.');
    expect(configure).not.toContain('anchor');
    expect(templates).toEqual(expect.arrayContaining(['<Note> turned into a quote', 'MDX comment removed']));
  });

  it('takes definition-list and Q:/A: pairs as questions, without their marks', () => {
    expect(answerOf(page, 'What happens if I put a gadget in my widget?')).toBe('The gadget is ignored.');
    expect(answerOf(page, 'Should I ship the gadget lockfile?')).toBe('No, leave it out.');
    expect(answerOf(page, 'Why does the zorp hum?')).toBe('Because the fan is on. Since it is quieter.');
    expect(answerOf(page, 'Can I turn the hum off?')).toBe('Yes, in the settings.');
    expect(templates).toContain("macro {{since('2.0')}} removed");
  });

  it('under a question heading, a hard-wrapped Q: restating it opens the answer, without the Q: and A: marks', () => {
    expect(answerOf(page, "Why can't I just copy the zorp folder?")).toBe(
      'I copied the whole zorp folder to a new machine and it does not start there. Why not?\n\nThe folder holds a machine key; run `zorp init` on the new machine.',
    );
  });

  it('makes a run of <br/> one line break and a self-closing link component a link', () => {
    expect(answerOf(page, 'How do I mirror a zorp?')).toBe(
      '1. Use the mirror flag. \\\n   *Mirrors lag a day.*\n2. Or copy it by hand.\n\nResizing is covered too:\n\n[Resizing](https://docs.example.org/features/resize)',
    );
  });

  it('keeps a follow-up question under the question it follows up, and a question that stands alone apart', () => {
    expect(answerOf(page, 'Where are zorp logs stored?')).toBe(
      'In `~/.zorp/logs`.\n\n**How do I move them elsewhere?**\n\nSet `ZORP_LOGS` to another folder.',
    );
    expect(answerOf(page, 'Can I rotate zorp logs?')).toBe('Yes, with `zorp rotate`.');
  });

  it('words statement headings as members ask, and leaves sentences and symptoms as written', () => {
    const questions = page.draft.entries.map((e) => e.question);
    expect(questions).toEqual(
      expect.arrayContaining([
        'Do all zorps support humming?',
        'Status LED blinking',
        'zorp.flux is undefined.',
        'Why does zp, the short name, fail?',
        'The Screen Shows Grey/:zorp Looks Dull',
      ]),
    );
    expect(questions.some((q) => /^What (is|are) (Status|zorp)/.test(q))).toBe(false);
    expect(templates.some((t) => t.includes('marked'))).toBe(false);
  });

  it('reads HTML headings and superscripts as the page shows them, and links .mdx sources like .md', () => {
    expect(answerOf(page, 'Why does zp, the short name, fail?')).toBe('Counts go up to 2^53 before the alias breaks.');
    expect(answerOf(page, 'The Screen Shows Grey/:zorp Looks Dull')).toBe(
      'Reset the colours. See [the logs](https://docs.example.org/logs/) and [tuning](https://docs.example.org/TUNING/).',
    );
    for (const entry of page.draft.entries) expect(entry.answer).not.toMatch(/:::|=== "|\{\/\*|\{\{|<Note>|<Aside/);
    loads(page);
  });

  it('keeps links as written on a page viewed on a forge', () => {
    const forge = importPage(read('survey-shapes.md'), { baseUrl: new URL('https://github.com/acme/zorp/blob/main/docs/FAQ.md') });
    expect(forge.linkStyle).toBe('as-is');
    expect(answerOf(forge, 'The Screen Shows Grey/:zorp Looks Dull')).toContain(
      '[tuning](https://github.com/acme/zorp/blob/main/docs/TUNING.md)',
    );
  });
});

describe('a page of `??? question` blocks (MkDocs Material, Haskell Stack style)', () => {
  const page = importPage(read('mkdocs-question-blocks.md'), { baseUrl: base });

  it('takes each block as a question and its indented body as the answer', () => {
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'What is the difference between Gadget and Gizmo?',
      'Can I use Gadget without Gizmo?',
      'Why does gadget build fail with a lock error?',
    ]);
    expect(answerOf(page, 'What is the difference between Gadget and Gizmo?')).toBe(
      'Gadget builds things; Gizmo runs them.\n\n- Gadget: `gadget build`\n- Gizmo: `gizmo run`',
    );
    expect(answerOf(page, 'Can I use Gadget without Gizmo?')).toBe(
      'Yes. See the [standalone guide](https://docs.example.org/standalone/).\n\n> **Warning:** Some plugins need Gizmo.',
    );
    loads(page);
  });
});

describe('a troubleshooting page of statement headings', () => {
  const page = importPage(read('troubleshooting.md'));

  it('imports statement headings that head an answer, under a question made from them, and lists them', () => {
    expect(page.madeQuestions).toEqual([
      { heading: 'My printer turns off in the middle of a print', question: 'My printer turns off in the middle of a print' },
      { heading: 'Changing the nozzle', question: 'How does changing the nozzle work?' },
      { heading: 'Firmware Settings', question: 'What are Firmware Settings?' },
      { heading: '"Heater decreased in temperature"', question: 'What does "Heater decreased in temperature" mean?' },
    ]);
    expect(page.draft.entries.map((e) => e.question)).toContain('What filament should I buy?');
    expect(answerOf(page, 'My printer turns off in the middle of a print')).toContain('**Power supply**\n\nUse the one');
    expect(page.draft.footer).toBe('Thanks to everyone who wrote this page.');
    loads(page);
  });

  it('with questionsOnly, imports only the questions and says why the rest was skipped', () => {
    const strict = importPage(read('troubleshooting.md'), { questionsOnly: true });
    expect(strict.draft.entries.map((e) => e.question)).toEqual(['What filament should I buy?']);
    expect(strict.skipped.map((s) => s.heading)).toContain('Changing the nozzle');
  });

  it('makes each statement section an entry under a group heading that has no text of its own', () => {
    const page = importPage(
      '## Setup\n\n### How do I start?\n\nRun it.\n\n## Mail\n\n### The login link never arrives!\n\nCheck the spam folder.\n\n### Images in mails are broken!\n\nSet the public address.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'How do I start?',
      'The login link never arrives!',
      'Images in mails are broken!',
    ]);
    expect(page.skipped).toEqual([]);
  });

  it("skips a key to the page's notation", () => {
    const page = importPage('## Legend\n\n* `bot` stands for your client.\n\n## How do I ban someone?\n\nUse `bot.ban()`.\n');
    expect(page.draft.entries.map((e) => e.question)).toEqual(['How do I ban someone?']);
    expect(page.skipped).toEqual([{ heading: 'Legend', reason: "a key to the page's notation, not an answer" }]);
  });

  it('leaves a statement heading that introduces questions, or sits deeper than them, as a group', () => {
    const page = importPage('## Setup\n\nA few questions.\n\n#### Deep note\n\nText.\n\n### How do I start?\n\nRun it.\n');
    expect(page.draft.entries.map((e) => e.question)).toEqual(['How do I start?']);
    expect(page.skipped.map((s) => s.reason)).toEqual([
      'introduces the questions below it',
      expect.stringContaining("deeper than the page's questions"),
    ]);
  });
});

describe('Mintlify accordions, MyST directives and roles, GitBook and Hugo leftovers', () => {
  const answers = (page: ImportedPage) => page.draft.entries.map((e) => e.answer);

  it('takes each <Accordion title> as a question, its indented body as the answer', () => {
    const page = importPage(
      '<AccordionGroup>\n  <Accordion title="How do I rotate a key?">\n    Open **Keys** and press *Rotate*.\n\n    The old key stops at once.\n  </Accordion>\n  <Accordion title="Is there a free tier?">\n    Yes, up to three projects.\n  </Accordion>\n</AccordionGroup>\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual(['How do I rotate a key?', 'Is there a free tier?']);
    expect(answers(page)).toEqual(['Open **Keys** and press *Rotate*.\n\nThe old key stops at once.', 'Yes, up to three projects.']);
    loads(page);
  });

  it('makes each section of a how-to group an entry, asked "How do I …?"', () => {
    const page = importPage(
      '## How-tos\n\nShort recipes.\n\n### Rename a board\n\nUse the board menu.\n\n### Archive old cards\n\nOpen the archive view.\n\n## Why is the dot red?\n\nThe last sync failed.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'How do I rename a board?',
      'How do I archive old cards?',
      'Why is the dot red?',
    ]);
    expect(page.skipped).toEqual([{ heading: 'How-tos', reason: 'introduces the how-tos below it' }]);
  });

  it('turns MyST notices into quotes, drops labels, includes and options, and keeps code blocks', () => {
    const page = importPage(
      [
        '(faq/pins)=',
        '## Can I pin a message?',
        'Right-click it.',
        ':::{important}\n:class: dropdown\nOnly moderators pin in public rooms.\n:::',
        '```{note}\nPins are kept for a year.\n```',
        '```{include} snippets/pins.md\n```',
        '```{code-block} toml\npins = 50\n```',
        '(faq/next)=',
        '## Can I star one?',
        'Use {kbd}`Ctrl+S` or see {ref}`the pin rules <faq/pins>` and {doc}`moderation`.',
      ].join('\n\n'),
    );
    expect(answers(page)).toEqual([
      'Right-click it.\n\n> **Important:** Only moderators pin in public rooms.\n\n> **Note:** Pins are kept for a year.\n\n```toml\npins = 50\n```',
      'Use `Ctrl+S` or see the pin rules and moderation.',
    ]);
    loads(page);
  });

  it('keeps the text of links no chat platform can open, and shows the address of a link without text', () => {
    const page = importPage(
      '## Where are the rules?\n\nSee [the rules](broken-reference), <project:#moderation>, the [Sphinx docs](inv:sphinx#usage) and [](#config/warnings).\n',
      { baseUrl: new URL('https://docs.example.org/faq/') },
    );
    expect(answers(page)).toEqual(['See the rules, moderation, the Sphinx docs and <https://docs.example.org/faq/#config/warnings>.']);
    expect(page.notes.map((n) => n.detail)).toContain('broken-reference removed: no chat platform can open it (the link text stays)');
  });

  it('leaves a Hugo value shortcode as written, and says to fill it in, rather than leave a hollow sentence', () => {
    const page = importPage('## Which version?\n\nThe current release is {{< param app.version >}}.\n');
    expect(answers(page)).toEqual(['The current release is {{< param app.version >}}.']);
    expect(page.notes.map((n) => n.detail)).toContain(
      '{{< param app.version >}} left as written: a value the site fills in; replace it by hand',
    );
  });

  it('reads a ??? question title that quotes, and tab labels and titles without icons or permalinks', () => {
    const page = importPage(
      '??? question "Why do I see "Error 42" at start?"\n\n    Restart the daemon.\n\n## How do I install it?\n\n=== ":fontawesome-brands-linux: Linux"\n\n    Run `apt install zorp`.\n\n!!! note "Legacy<a class="headerlink" href="#legacy">¶</a>"\n\n    Old paths still work.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual(['Why do I see "Error 42" at start?', 'How do I install it?']);
    expect(answers(page)[1]).toBe('**Linux**\n\nRun `apt install zorp`.\n\n> **Legacy:** Old paths still work.');
  });

  it('reads Q/A marks in German and Spanish, after an emoji', () => {
    const page = importPage(
      '## Estado sin actualizar\n\n❔ **Pregunta**: La pantalla no cambia. ¿Qué hago mal?\n\n💡 **Respuesta**: Pasa todas las propiedades.\n\n## Langsam\n\n**Frage**: Warum startet die App so langsam?\n\n**Antwort**: Der Cache wird aufgebaut.\n',
    );
    expect(page.draft.entries.map((e) => [e.question, e.answer])).toEqual([
      ['La pantalla no cambia. ¿Qué hago mal?', 'Pasa todas las propiedades.'],
      ['Warum startet die App so langsam?', 'Der Cache wird aufgebaut.'],
    ]);
  });

  it('reads <br> in a heading as a space, and adds no "?" after a note that follows one', () => {
    const page = importPage(
      '### bind: permission denied<br>bind: address in use\n\nRun one instance.\n\n### Should I use `newFn`? (v3.2+)\n\nYes.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual([
      'bind: permission denied bind: address in use',
      'Should I use newFn? (v3.2+)',
    ]);
  });

  it("skips a section that is only a list of links to the page's own questions", () => {
    const page = importPage(
      '## [Setup](#setup-1)\n\n- [How do I install it?](#install)\n- [How do I update it?](#update)\n\n## Setup\n\n### How do I install it?\n\nRun the installer.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual(['How do I install it?']);
    expect(page.skipped).toContainEqual({ heading: 'Setup', reason: 'navigation, not an answer' });
  });

  it("keeps a symptom heading about the member's own setup as written", () => {
    const page = importPage('### My webcam no worky\n\nReplug it.\n\n### Microphone no worky\n\nPick the input.\n');
    expect(page.draft.entries.map((e) => e.question)).toEqual(['My webcam no worky', 'Microphone no worky']);
  });
});

describe('other markup', () => {
  it('strips unknown tags keeping their text, and makes <a href> a link', () => {
    const page = importPage(
      '## Is it free?\n\n<span class="x">Yes</span>, see <a href="https://example.org/p">pricing</a> and <kbd>Ctrl</kbd>.\n',
    );
    expect(page.draft.entries[0]?.answer).toBe('Yes, see [pricing](https://example.org/p) and `Ctrl`.');
  });

  it('keeps what a self-closing component without a link shows: its label, or the API name it links to', () => {
    const page = importPage(
      '## How do I ban a member?\n\nCall <DocsLink path="GuildMemberManager:Class#ban" type="method" /> on the <DocsLink path="Guild:Class" /> <Badge text="v14" />.\n',
    );
    expect(page.draft.entries[0]?.answer).toBe('Call `GuildMemberManager#ban` on the `Guild` v14.');
  });

  it('lists the entry whose section an answer links to under related, by any slug style or custom anchor', () => {
    const page = importPage(
      [
        '## Some media is missing!\n\nRescan the library.',
        '## My request still shows "requested"!\n\nSee [missing media](#some-media-is-missing) for the steps.',
        '## Can I share logs? {#logs}\n\nYes.',
        '## Where are the logs?\n\nIn /data; see [sharing](https://docs.example.org/faq/#logs) and [elsewhere](https://other.example.org/faq/#logs).',
        '## Is it free?\n\nYes, see [above](#is-it-free) and [a typo](#no-such-question).',
      ].join('\n\n'),
      { baseUrl: new URL('https://docs.example.org/faq/') },
    );
    const related = Object.fromEntries(page.draft.entries.map((e) => [e.id, e.related]));
    expect(related).toEqual({
      'media-missing': [],
      'request-shows-requested': ['media-missing'],
      'share-logs': [],
      logs: ['share-logs'],
      free: [],
    });
    expect(formatNotes(page)).toContain('  request-shows-requested → media-missing (its answer links to that section)');
    loads(page);
  });

  it("keeps the author's bullet, and a rule inside an answer as ---", () => {
    const page = importPage('## How?\n\n* one\n* two\n\n---\n\nmore\n\n---\n');
    expect(page.draft.entries[0]?.answer).toBe('* one\n* two\n\n---\n\nmore');
    expect(importPage('## How?\n\n- one\n').draft.entries[0]?.answer).toBe('- one');
  });

  it('drops an admonition with no body, and takes an unclosed ::: container as its own paragraph only', () => {
    const page = importPage('## Is it safe?\n\n!!! note\n\n::: tip\nnever closed\n\nYes.\n\n## Is it fast?\n\nVery.\n');
    expect(page.draft.entries.map((e) => e.answer)).toEqual(['> **Tip:** never closed\n\nYes.', 'Very.']);
    expect(page.notes.map((n) => n.detail)).toContain('::: tip (never closed; its own paragraph taken as its body)');
  });

  it('numbers a footnote cited twice once, also when cited inside an admonition', () => {
    const page = importPage('## Why?\n\nOnce[^a] and again[^a].\n\n!!! info\n    Inside[^b].\n\n[^a]: First.\n[^b]: Second.\n');
    expect(page.draft.entries[0]?.answer).toBe('Once¹ and again¹.\n\n> **Info:** Inside².\n\n¹ First.\n\n² Second.');
  });

  it('resolves a reference link whose definition sits in another section, and leaks the definition nowhere', () => {
    const page = importPage('## Where?\n\nSee [the docs][d].\n\n## Why?\n\nBecause.\n\n[d]: https://example.org/docs\n');
    expect(page.draft.entries.map((e) => e.answer)).toEqual(['See [the docs](https://example.org/docs).', 'Because.']);
  });

  it('makes a heading over only statement sub-sections one entry, labelled by sub-section', () => {
    const page = importPage(
      '## How do I start?\n\nRun it.\n\n## Grades\n\n### Easy\n\n| A | B |\n| - | - |\n| 1 | 2 |\n\n### Hard\n\nNo tables here.\n',
    );
    expect(page.draft.entries.map((e) => e.question)).toEqual(['How do I start?', 'What are Grades?']);
    expect(page.draft.entries[1]?.answer).toMatch(/^\*\*Easy\*\*\n\n\| A/);
  });
});
