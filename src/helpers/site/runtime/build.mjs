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
// every bare vega-*/d3-* import resolves from the project root, so each is bundled once.
// Vega's modules come from their sources (index.js re-exporting src/*.js), marked free of
// side effects: a transform, renderer or expression helper nobody imports is left out
// (Vega's built files declare every transform with top-level calls that a bundler must keep).
const STUBBED = /^(d3-geo|d3-dsv|d3-scale-chromatic|topojson-client)$/;
const modules = resolve(root, 'node_modules');
// Vega's modules taken from their sources (the others, vega-util, vega-loader,
// vega-canvas and vega-tooltip, are small or have a separate browser build).
const FROM_SOURCE = new Set([
  'vega-dataflow', 'vega-encode', 'vega-event-selector', 'vega-expression', 'vega-format',
  'vega-functions', 'vega-parser', 'vega-runtime', 'vega-scale', 'vega-scenegraph',
  'vega-selections', 'vega-statistics', 'vega-time', 'vega-transforms', 'vega-view',
  'vega-view-transforms', 'vega-voronoi'
]);
// Parts of Vega's sources the book never uses, cut out of what the registries list.
const EDITS = {
  // The page draws SVG only: no canvas or hybrid renderer, no SVG-to-string export.
  'vega-scenegraph/src/modules.js': text => text
    .replace(/modules\[Canvas\] = modules\[PNG\] = \{[^}]*\};/, '')
    .replace(/modules\[Hybrid\] = \{[^}]*\};/, '')
    .replace('headless: SVGStringRenderer,', 'headless: null,'),
  // The marks compiled Vega-Lite line, point, bar, text and rule charts draw.
  'vega-scenegraph/src/marks/index.js': text => text
    .replace(/^import (arc|area|image|shape|trail) from .*$/gm, '')
    .replace(/^\s*(arc|area|image|shape|trail):\s*\w+,?$/gm, ''),
  // Every scale of the book names its colours: of Vega's colour schemes only the
  // default categorical ones stay.
  'vega-scale/src/palettes.js': text => text
    .replace(/export const continuous = \{[\s\S]*?\n\};/, 'export const continuous = {};')
    .replace(/export const discrete = \{[\s\S]*?\n\};/, m => 'export const discrete = {\n' +
      m.split('\n').filter(l => /^\s*(category10|tableau10):/.test(l)).join('\n').replace(/,?$/, '') + '\n};')
};

const fromSource = {
  name: 'vega-from-source',
  setup(b) {
    // Maps, CSV loading and d3's colour schemes: never used by the book (stubs.js).
    b.onResolve({filter: STUBBED}, () => ({path: resolve(here, 'stubs.js')}));
    b.onResolve({filter: /^vega-[a-z-]+$/}, async args => {
      if (FROM_SOURCE.has(args.path)) return {path: resolve(modules, args.path, 'index.js'), sideEffects: false};
      if (args.pluginData === 'root') return undefined;
      return b.resolve(args.path, {resolveDir: root, kind: args.kind, pluginData: 'root'});
    });
    b.onResolve({filter: /^(d3-[a-z-]+)$/}, async args => {
      if (args.pluginData === 'root') return undefined;
      return b.resolve(args.path, {resolveDir: root, kind: args.kind, pluginData: 'root'});
    });
    // Relative imports inside Vega's sources: free of side effects too.
    b.onResolve({filter: /^\./}, args => {
      const pkg = (args.importer.match(/node_modules\/(vega-[a-z-]+)\//) || [])[1];
      if (!FROM_SOURCE.has(pkg)) return undefined;
      return {path: resolve(dirname(args.importer), args.path), sideEffects: false};
    });
    for (const [file, edit] of Object.entries(EDITS)) {
      b.onLoad({filter: new RegExp(file.replace(/[/.]/g, '\\$&') + '$')}, args => {
        const before = readFileSync(args.path, 'utf8');
        const text = edit(before);
        if (text === before) throw new Error(file + ' has changed: update build.mjs');
        return {contents: text, loader: 'js'};
      });
    }
  }
};

const banner = '/* oslo-vega-runtime: Vega ' + version('vega') +
  ' (parser, view, the transforms of compiled Vega-Lite), BSD-3-Clause;' +
  ' built by src/helpers/site/runtime/build.mjs */';

await build({
  entryPoints: [resolve(here, 'entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'osloVega',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  banner: {js: banner},
  plugins: [fromSource],
  outfile: process.argv[2] || resolve(here, '../static/oslo-vega-runtime.js'),
  metafile: !!process.env.META,
  logLevel: 'warning'
}).then(r => { if (r.metafile) writeFileSync(process.env.META, JSON.stringify(r.metafile)); });
