// Lint for the whole workspace: `npm run lint` (zero warnings), also run by `.ci/run`.
// typescript-eslint's recommended rules, Prettier for layout (eslint-config-prettier turns off
// the rules it owns), and Nx's module boundaries: the dependency direction of DESIGN.md section 1
// (apps -> vision|nlp|audio -> sequence -> core), enforced on every import.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Which scopes each scope may import (tags are set in each project.json). */
const depConstraints = [
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:sequence', onlyDependOnLibsWithTags: ['scope:core', 'scope:sequence'] },
  { sourceTag: 'scope:vision', onlyDependOnLibsWithTags: ['scope:core', 'scope:sequence', 'scope:vision'] },
  { sourceTag: 'scope:nlp', onlyDependOnLibsWithTags: ['scope:core', 'scope:sequence', 'scope:nlp'] },
  { sourceTag: 'scope:audio', onlyDependOnLibsWithTags: ['scope:core', 'scope:sequence', 'scope:audio'] },
  // GPL-3.0 speech synthesis: nothing but the CLI imports it, so installing @dlkit/audio pulls no GPL code.
  { sourceTag: 'scope:espeak', onlyDependOnLibsWithTags: ['scope:core', 'scope:espeak'] },
  { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.nx/**',
      '**/dlkit-out/**',
      '.test-results/**',
      'scratchpad/**',
      'tmp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          depConstraints,
          banTransitiveDependencies: true,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Maintainer scripts beside a package (not shipped) use the package by its name, as a user would.
    files: ['packages/*/scripts/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { depConstraints, banTransitiveDependencies: true, allow: ['@dlkit/vision', '@dlkit/sequence', '@dlkit/core'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
  {
    // After Prettier's config, which switches max-len off: Prettier wraps code at 120 columns but
    // leaves comments alone, so long ones are caught here. String and template literals are
    // exempt (as in Google's and Airbnb's styles): a message split across lines can't be grepped.
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: ['packages/core/src/backend/simd/kernels-wasm.ts'], // generated: one base64 line
    rules: {
      'max-len': [
        'error',
        {
          code: 160,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignorePattern: '^\\s*(import|export) ',
        },
      ],
    },
  },
);
