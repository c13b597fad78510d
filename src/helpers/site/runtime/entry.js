// The Vega runtime the book's chart pages load: Vega's parser and view with only the
// transforms the book's compiled Vega-Lite charts use, and a small tooltip handler (tooltip.js).
// build.mjs bundles it into ../static/oslo-vega-runtime.js (committed).
//
// A chart that needs a transform not listed here does not draw (the page keeps its static
// image and says so); tests/unit/test_vega_runtime.py names the missing transform.
import {extend} from 'vega-util';
import {transforms} from 'vega-dataflow';
import {
  aggregate, collect, compare, expression, extent, facet, field, filter, fold, formula, key,
  load, multiextent, multivalues, params, prefacet, proxy, relay, sequence, sieve, subflow,
  tupleindex, values
} from 'vega-transforms';
import {bound, identifier, mark, overlap, render, viewlayout} from 'vega-view-transforms';
import {axisticks, datajoin, encode, legendentries, scale, sortitems, stack} from 'vega-encode';
import {voronoi} from 'vega-voronoi';
import {View} from 'vega-view';
import {parse} from 'vega-parser';
import {Handler} from './tooltip.js';

extend(transforms, {
  aggregate, collect, compare, expression, extent, facet, field, filter, fold, formula, key,
  load, multiextent, multivalues, params, prefacet, proxy, relay, sequence, sieve, subflow,
  tupleindex, values,
  bound, identifier, mark, overlap, render, viewlayout,
  axisticks, datajoin, encode, legendentries, scale, sortitems, stack,
  voronoi
});

export {View, parse, Handler};
