// A real `storybank serve` on 127.0.0.1 (a free port) over a data folder prepared with the storybank CLI, for the
// end-to-end tests. The folder is removed when the tests pass and kept (its path printed) when one fails.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the end-to-end tests through ctest (ctest -L e2e), which sets it`);
  }
  return value;
}

export async function startStorybank({ name, password, setup }) {
  const binary = required('STORYBANK_BINARY');
  const sourceDir = required('STORYBANK_SOURCE_DIR');
  const artifacts = process.env.STORYBANK_E2E_ARTIFACTS ?? path.join(tmpdir(), 'storybank-e2e-screenshots');
  mkdirSync(artifacts, { recursive: true });
  const folder = mkdtempSync(path.join(process.env.TMPDIR ?? tmpdir(), `storybank-e2e-${name}-`));
  const data = path.join(folder, 'data');
  const passwordFile = path.join(folder, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  // The embedded web app is what is tested, not a folder on disk; STORYBANK_E2E_ASSETS_DIR (a source tree with
  // a built web/dist) serves that tree's app, strings and templates instead, to test front-end work without
  // rebuilding the binary.
  const env = { ...process.env, STORYBANK_LANG: 'fr' };
  delete env.STORYBANK_ASSETS_DIR;
  if (process.env.STORYBANK_E2E_ASSETS_DIR) env.STORYBANK_ASSETS_DIR = process.env.STORYBANK_E2E_ASSETS_DIR;
  const cli = (args) => run(binary, ['--data', data, ...args], { cwd: sourceDir, env });

  await cli(['admin', 'create', '--email', 'admin@consortium.org', '--name', 'Admin', '--password-file', passwordFile]);
  for (const args of setup) {
    await cli(args[0] === 'user' ? [...args, '--password-file', passwordFile] : args);
  }

  const child = spawn(binary, ['--data', data, 'serve', '--host', '127.0.0.1', '--port', '0'], { env });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const look = (chunk) => {
      output += chunk;
      // serve prints the address it listens on once the socket is bound: the server is ready then.
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) resolve(match[0]);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`storybank serve stopped (exit ${code}) before listening:\n${output}`)));
  });

  // node:test settles the exit code only after every hook ran, so the folder is dealt with at exit.
  process.on('exit', (code) => {
    // Even when a test threw before its `after` hook: no server is left running.
    child.kill('SIGTERM');
    if (code === 0) {
      rmSync(folder, { recursive: true, force: true });
    } else {
      console.error(`data folder kept for inspection: ${folder}`);
    }
  });
  return {
    url,
    async screenshot(page, screen) {
      await page.screenshot({ path: path.join(artifacts, `${screen}.png`), fullPage: true });
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
    },
  };
}

/// The password of every account the suites make.
export const password = 'correct-horse-battery-9';
/// The title of the story of tests/data/think-peace-mali.txt, imported by `consortium`.
export const importedTitle = "ENGAGEMENT DU RESEAU THINK PEACE-ARC CONTRE L'EXTREMISME VIOLENT";
/// The setup every suite starts from: a consortium member, a partner NGO working with it, the partner's
/// contributor (Awa), the member's reviewer (Moussa), and the Malian story as a draft.
export const consortium = [
  ['org', 'add', 'Human Security Collective (HSC)', '--kind', 'member'],
  ['org', 'add', 'Think Peace', '--kind', 'partner', '--works-with', 'Human Security Collective (HSC)'],
  ['user', 'add', 'awa@thinkpeace.org', '--org', 'Think Peace', '--role', 'contributor', '--name', 'Awa Traoré'],
  ['user', 'add', 'moussa@hsc.org', '--org', 'Human Security Collective (HSC)', '--role', 'reviewer', '--name', 'Moussa Diallo'],
  ['import', 'tests/data/think-peace-mali.txt'],
];
