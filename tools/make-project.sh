#!/usr/bin/env bash
# Scaffolds one library project the way the real ones are laid out (packages/nlp is one, as
# generated): package.json with an exports map, tsconfig.lib.json with project references,
# project.json with the build, test (unit specs) and e2e (*.e2e.spec.ts) targets and its scope tag,
# the two jest configs, src/index.ts and a README. Output is Prettier-formatted, so it passes lint.
#
#   tools/make-project.sh packages/speech speech "Speech features." "@dlkit/core @dlkit/sequence"
#
# Run from the workspace root. Then add the project to tsconfig.build.json's references, to
# jest.preset.js's package list, and its scope tag to eslint.config.mjs's depConstraints.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: tools/make-project.sh DIR NAME DESCRIPTION [\"@dlkit/dep ...\"]" >&2
  exit 2
fi
dir=$1 short=$2 desc=$3 deps=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/src"
DIR=$dir SHORT=$short DESC=$desc DEPS=$deps node - <<'JS'
const fs = require('fs');
const path = require('path');
const { DIR: dir, SHORT: short, DESC: desc, DEPS: deps } = process.env;
const up = path.relative(dir, '.') || '.';
const depList = deps.split(/\s+/).filter(Boolean);
const write = (file, text) => fs.writeFileSync(path.join(dir, file), text);
const json = (file, value) => write(file, JSON.stringify(value, null, 2) + '\n');

json('package.json', {
  name: `@dlkit/${short}`,
  version: '0.1.0',
  description: desc,
  license: 'MIT',
  main: './dist/index.js',
  types: './dist/index.d.ts',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
  files: ['dist', '!dist/.tsbuildinfo', 'README.md'],
  dependencies: Object.fromEntries(depList.map((d) => [d, '0.1.0'])),
});
json('tsconfig.lib.json', {
  extends: `${up}/tsconfig.base.json`,
  compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo', types: ['node'] },
  include: ['src/**/*.ts'],
  exclude: ['src/**/*.spec.ts', 'src/**/*.e2e.ts', 'src/**/__fixtures__/**'],
  references: depList.map((d) => ({ path: `../${d.replace('@dlkit/', '')}/tsconfig.lib.json` })),
});
const jestTarget = (config) => ({
  executor: 'nx:run-commands',
  options: { command: `jest --passWithNoTests -c ${dir}/${config}` },
  inputs: ['default', '^production'],
});
json('project.json', {
  name: short,
  $schema: `${up}/node_modules/nx/schemas/project-schema.json`,
  sourceRoot: `${dir}/src`,
  projectType: 'library',
  tags: [`scope:${short}`, 'type:lib'],
  targets: {
    build: {
      executor: 'nx:run-commands',
      options: { command: `tsc -b ${dir}/tsconfig.lib.json` },
      inputs: ['production', '^production'],
      outputs: ['{projectRoot}/dist'],
    },
    test: jestTarget('jest.config.js'),
    e2e: jestTarget('jest.e2e.config.js'),
  },
});
write('jest.config.js', `module.exports = require('${up}/jest.preset.js')('${short}', __dirname);\n`);
write('jest.e2e.config.js', `module.exports = require('${up}/jest.preset.js')('${short}', __dirname, { e2e: true });\n`);
write(
  'src/index.ts',
  `// Public surface of @dlkit/${short}. ${desc}\n` +
    `// Each name is exported here explicitly, as in core, vision and sequence.\nexport {};\n`,
);
write('README.md', `# @dlkit/${short}\n\n${desc}\n\n## Public API\n\n| Name | Kind | Purpose |\n| --- | --- | --- |\n`);
JS
node "$here/../node_modules/prettier/bin/prettier.cjs" --config "$here/../.prettierrc.json" --object-wrap collapse --log-level warn --write "$dir"/*.json "$dir"/*.js "$dir"/src
