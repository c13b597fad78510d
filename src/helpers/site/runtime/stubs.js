// What the book's charts never use, in place of the modules that provide it: maps
// (d3-geo, topojson-client), CSV loading (d3-dsv; the specs carry their data inline) and
// d3's colour schemes (every scale of the book has its own colours). Calling one throws.
const none = name => () => { throw new Error(name + ' er ikke med i sidens Vega'); };
export const geoArea = none('geoArea');
export const geoBounds = none('geoBounds');
export const geoCentroid = none('geoCentroid');
export const dsvFormat = none('dsvFormat');
export const feature = none('feature');
export const mesh = none('mesh');
const category10 = '1f77b4ff7f0e2ca02cd627289467bd8c564be377c27f7f7fbcbd2217becf'.match(/.{6}/g).map(c => '#' + c);
export const schemeCategory10 = category10;
export const schemeAccent = category10;
export const schemeDark2 = category10;
export const schemeObservable10 = category10;
export const schemePaired = category10;
export const schemePastel1 = category10;
export const schemePastel2 = category10;
export const schemeSet1 = category10;
export const schemeSet2 = category10;
export const schemeSet3 = category10;
