#!/usr/bin/env node
// `npm run lint`: ESLint (zero warnings), Prettier's check and the jscpd copy-paste detector over
// the whole tree.
// Nx's module-boundary rule reads the cached project graph and silently skips itself when there
// is none (a fresh clone), so the graph is computed first.
const { spawnSync } = require('child_process');

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const run = (cmd, args) => spawnSync('npx', [cmd, ...args], { stdio: ['ignore', 'inherit', 'inherit'], env }).status;

const graph = spawnSync('npx', ['nx', 'show', 'projects'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status;
if (graph !== 0) process.exit(1);
const eslint = run('eslint', ['.', '--max-warnings', '0']);
const prettier = run('prettier', ['--check', '.', '--log-level', 'warn']);
// Copy-paste detector over the sources (not specs): settings in .jscpd.json, any clone fails.
const jscpd = run('jscpd', ['--silent']);
const ok = eslint === 0 && prettier === 0 && jscpd === 0;
if (ok) console.log('lint: clean (eslint, prettier, jscpd)');
process.exit(ok ? 0 : 1);
