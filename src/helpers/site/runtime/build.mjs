// Builds ../static/oslo-vega-runtime.js from entry.js: Vega's runtime trimmed to what the
// book's compiled charts use, one copy of each Vega and d3 module, minified, wrapped in a
// function scope (no top-level names beside window.osloVega, none to clash with Sphinx's).
//
//   npm ci && node src/helpers/site/runtime/build.mjs
//
// The versions are pinned in package-lock.json; the output is committed, so building the
// book needs no Node. tests/unit/test_vega_runtime.py checks it is current.
import {build} from 'esbuild';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const version = name => JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')).version;

// npm nests duplicates of Vega's modules (vega-view brings its own vega-scenegraph):
// resolve every bare vega-*/d3-* import from the project root so each is bundled once.
const STUBBED = /^(d3-geo|d3-dsv|d3-scale-chromatic|topojson-client)$/;
const dedupe = {
  name: 'dedupe',
  setup(b) {
    // Maps, CSV loading and d3's colour schemes: never used by the book (stubs.js).
    b.onResolve({filter: STUBBED}, () => ({path: resolve(here, 'stubs.js')}));
    b.onResolve({filter: /^(vega-[a-z-]+|d3-[a-z-]+|topojson-client)$/}, async args => {
      if (args.pluginData === 'root') return undefined;
      const result = await b.resolve(args.path, {resolveDir: root, kind: args.kind, pluginData: 'root'});
      return result;
    });
  }
};

const banner = '/* oslo-vega-runtime: Vega ' + version('vega') +
  ' (parser, view, the transforms of compiled Vega-Lite) and vega-tooltip ' +
  version('vega-tooltip') + ', BSD-3-Clause. Built by src/helpers/site/runtime/build.mjs */';

await build({
  entryPoints: [resolve(here, 'entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'osloVega',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  // Vega declares each transform with a top-level inherits(...) call: marked pure, the
  // transforms not imported in entry.js are dropped.
  pure: ['inherits'],
  treeShaking: true,
  banner: {js: banner},
  plugins: [dedupe],
  outfile: process.argv[2] || resolve(here, '../static/oslo-vega-runtime.js'),
  metafile: !!process.env.META,
  logLevel: 'warning'
}).then(r => { if (r.metafile) writeFileSync(process.env.META, JSON.stringify(r.metafile)); });
