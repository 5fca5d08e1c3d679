// Runs the unit tests of the web app's pure logic (tests/unit/*.test.ts) with Node's test runner: TypeScript checks
// the tests against the source's types (tests/unit/tsconfig.json), esbuild bundles each test file with the source
// it imports into a temporary folder, then `node --test` runs the bundles. No browser, no server.
// `node tests/unit/run.mjs merge` runs the files whose name contains "merge".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => !only.length || only.some((name) => file.includes(name)))
  .sort();
if (!files.length) {
  console.error(`no unit test file in ${here}${only.length ? ` matching ${only.join(', ')}` : ''}`);
  process.exit(1);
}

const tsc = path.join(here, '../../node_modules/typescript/bin/tsc');
const typed = spawnSync(process.execPath, [tsc, '-p', here], { stdio: 'inherit' });
if (typed.status !== 0) {
  console.error('unit tests: type errors (above)');
  process.exit(1);
}

const out = mkdtempSync(path.join(tmpdir(), 'storybank-unit-'));
let status = 1;
try {
  await esbuild.build({
    entryPoints: files.map((file) => path.join(here, file)),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node18'],
    outdir: out,
    outExtension: { '.js': '.mjs' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const bundles = files.map((file) => path.join(out, file.replace(/\.ts$/, '.mjs')));
  // Node 18 (Debian 12) has the Web Crypto global (crypto.getRandomValues) behind a flag only.
  const flags = Number(process.versions.node.split('.')[0]) < 19 ? ['--experimental-global-webcrypto'] : [];
  status = spawnSync(process.execPath, [...flags, '--test', ...bundles], { stdio: 'inherit' }).status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
