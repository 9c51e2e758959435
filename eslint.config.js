// ESLint (flat config): a modest rule set, and the layers of docs/architecture.md as import
// boundaries, so a wrong-way import fails `npm run lint` (and CI) instead of a review:
//   src/       the core: never imports cli/, adapters/, bin/, bench/ or test/
//   cli/       the commands: anything of src/, never adapters/ (bin/ passes in what a command
//              needs of them), bin/, bench/, test/ or a platform SDK
//   adapters/  each platform: imports the core only through src/index.ts, never the other
//              platform, cli/, bin/, bench/ or test/
//   bin/       the composition root: anything of src/, cli/ and adapters/, never bench/ or test/
//   bench/     a development tool: may drive test/fakes/, nothing else of test/
// Static imports, re-exports and import() are all checked.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One layer's forbidden import paths, as regular expressions over the import string. */
function boundaries(files, forbidden) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidden.map(({ regex, message }) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...forbidden.map(({ regex, message }) => ({
          selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
          message,
        })),
      ],
    },
  };
}

const notTest = { regex: '(^|/)test/', message: 'Test code (test/) is not part of the product: move what is needed out of test/.' };

const noSdk = {
  regex: '^(discord\\.js|@discordjs/|@slack/)',
  message: 'Only the adapters know Discord and Slack: platform SDKs belong in adapters/.',
};

/** What every adapter may not import. */
const adapter = [
  {
    regex: '(^|/)src/(?!index\\.js$)',
    message: 'Adapters use the core only through its public surface: import from src/index.js (add the export there if it belongs to it).',
  },
  {
    regex: '(^|/)(cli|bin|bench)/',
    message:
      'Adapters do not import the commands, the composition root or the benchmarks: export a plain operation and let bin/ hand it to a command in cli/.',
  },
  notTest,
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left out on purpose (destructured away, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A `let` a callback reads before its one assignment (a store told of the router it feeds) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests assert on platform payloads as parsed JSON.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  boundaries(
    ['src/**/*.ts'],
    [
      {
        regex: '(^|/)(adapters|bin|bench)/',
        message: 'The core (src/) knows no platform and no composition root: pass what it needs in (see docs/architecture.md).',
      },
      {
        regex: '(^|/)cli/',
        message: 'The core (src/) does not import the commands (cli/): they use the core, so move what both need into src/.',
      },
      noSdk,
      notTest,
    ],
  ),
  boundaries(
    ['cli/**/*.ts'],
    [
      {
        regex: '(^|/)adapters/',
        message: 'The commands (cli/) do not import an adapter: take what a command needs of one as a parameter, and let bin/ pass it in.',
      },
      {
        regex: '(^|/)(bin|bench)/',
        message: 'The commands (cli/) do not import the composition root or the benchmarks: bin/ imports cli/, not the other way round.',
      },
      noSdk,
      notTest,
    ],
  ),
  // A later entry's rule options replace an earlier one's for the files both match: each
  // platform's entry repeats what every adapter may not import, and adds the other platform.
  boundaries(['adapters/**/*.ts'], adapter),
  boundaries(
    ['adapters/discord/**/*.ts'],
    [
      ...adapter,
      { regex: '^(\\.\\./)+slack/', message: 'The Discord adapter does not import the Slack adapter: what both need belongs in the core.' },
    ],
  ),
  boundaries(
    ['adapters/slack/**/*.ts'],
    [
      ...adapter,
      {
        regex: '^(\\.\\./)+discord/',
        message: 'The Slack adapter does not import the Discord adapter: what both need belongs in the core.',
      },
    ],
  ),
  boundaries(
    ['bin/**/*.ts'],
    [
      { regex: '(^|/)bench/', message: 'bin/ does not import the benchmarks: they are a development tool (npm run bench), not a command.' },
      notTest,
    ],
  ),
  boundaries(
    ['bench/**/*.ts'],
    [{ regex: '(^|/)test/(?!fakes/)', message: 'The benchmarks may drive test/fakes/, nothing else of test/.' }],
  ),
);
