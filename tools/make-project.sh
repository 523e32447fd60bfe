#!/usr/bin/env bash
# Scaffolds one library project: tools/make-project.sh packages/vision vision "description" "@dlkit/core"
set -e
dir=$1; short=$2; desc=$3; deps=$4
mkdir -p $dir/src
refs=""
depjson=""
for d in $deps; do
  n=${d#@dlkit/}
  refs="$refs{ \"path\": \"../$n/tsconfig.lib.json\" },"
  depjson="$depjson\"$d\": \"0.1.0\","
done
refs=${refs%,}; depjson=${depjson%,}
cat > $dir/package.json <<J
{
  "name": "@dlkit/$short",
  "version": "0.1.0",
  "description": "$desc",
  "license": "MIT",
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
    "./package.json": "./package.json"
  },
  "files": ["dist", "README.md"],
  "dependencies": { $depjson }
}
J
cat > $dir/tsconfig.lib.json <<J
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "tsBuildInfoFile": "dist/.tsbuildinfo", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/*.e2e.ts"],
  "references": [ $refs ]
}
J
cat > $dir/project.json <<J
{
  "name": "$short",
  "\$schema": "../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": ["scope:$short", "type:lib"],
  "targets": {
    "build": {
      "executor": "nx:run-commands",
      "options": { "command": "tsc -b $dir/tsconfig.lib.json" },
      "inputs": ["production", "^production"],
      "outputs": ["{projectRoot}/dist"]
    },
    "test": {
      "executor": "nx:run-commands",
      "options": { "command": "jest --passWithNoTests -c $dir/jest.config.js" },
      "inputs": ["default", "^production"]
    },
    "e2e": {
      "executor": "nx:run-commands",
      "options": { "command": "jest --passWithNoTests -c $dir/jest.e2e.config.js" },
      "inputs": ["default", "^production"]
    }
  }
}
J
cat > $dir/jest.config.js <<J
module.exports = require('../../jest.preset.js')('$short', __dirname);
J
cat > $dir/jest.e2e.config.js <<J
module.exports = require('../../jest.preset.js')('$short', __dirname, { e2e: true });
J
