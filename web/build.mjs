// Bundles src/main.tsx into dist/ with content-hashed names (served with a one-year cache) and writes
// dist/index.html pointing at them (served with no-cache), so a new build is picked up on the next load.
import * as esbuild from 'esbuild';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

// The translation files are shared with the server; the app needs only its own keys ("app-…").
const appStringsOnly = {
  name: 'app-strings-only',
  setup(build) {
    build.onLoad({ filter: /resources[\\/]i18n[\\/][a-z]+\.json$/ }, async (args) => {
      const all = JSON.parse(await readFile(args.path, 'utf8'));
      const kept = Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('app-')));
      return { contents: JSON.stringify(kept), loader: 'json' };
    });
  },
};

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const result = await esbuild.build({
  entryPoints: [path.join(here, 'src/main.tsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  outdir: dist,
  entryNames: '[name]-[hash]',
  // Screens imported with import() (the dashboard and its world map, the administration) become chunks of their
  // own, fetched when first opened, so that the first load stays small.
  splitting: true,
  chunkNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  plugins: [appStringsOnly],
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
const [mainOutput, mainMeta] = Object.entries(result.metafile.outputs).find(
  ([file, meta]) => file.endsWith('.js') && meta.entryPoint?.endsWith('src/main.tsx'),
) ?? [undefined, undefined];
const script = mainOutput && path.basename(mainOutput);
const style = mainMeta?.cssBundle ? path.basename(mainMeta.cssBundle) : outputs.find((file) => file.endsWith('.css'));
if (!script || !style) {
  throw new Error(`build: expected the main .js and its .css in dist/, got ${outputs.join(', ')}`);
}
// The chunks the main script imports at once (the code it shares with the lazy screens) are fetched with it, not
// after it.
const sharedChunks = (mainMeta?.imports ?? [])
  .filter((imported) => imported.kind === 'import-statement')
  .map((imported) => path.basename(imported.path));
const preloads = sharedChunks.map((chunk) => `<link rel="modulepreload" href="/app/${chunk}">\n`).join('');
// Absolute paths: index.html is served for every address under /app/, and the server's CSP (base-uri 'none')
// forbids a <base> element.
await writeFile(
  path.join(dist, 'index.html'),
  `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>storybank</title>
<link rel="stylesheet" href="/app/${style}">
${preloads}<script type="module" src="/app/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript><p>storybank a besoin de JavaScript ici ; les pages sans JavaScript sont à l'adresse <a href="/">/</a>. —
This app needs JavaScript; the pages without it are at <a href="/">/</a>.</p></noscript>
</body>
</html>
`,
);
// The service worker, named after the build's files: a new build is a new worker, which replaces the cached shell.
// The chunks the main script imports are part of the shell: without them it does not start offline.
const shellFiles = [`/app/${script}`, `/app/${style}`, ...sharedChunks.map((chunk) => `/app/${chunk}`)];
const worker = await esbuild.transform(await readFile(path.join(here, 'sw.js'), 'utf8'), {
  minify: true,
  define: { SHELL_VERSION: JSON.stringify(`storybank-${script}-${style}`), SHELL_FILES: JSON.stringify(shellFiles) },
});
await writeFile(path.join(dist, 'sw.js'), worker.code);
for (const file of [...outputs, 'index.html', 'sw.js']) {
  console.log(`dist/${file}`);
}
