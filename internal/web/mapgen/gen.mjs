// Builds ../assets/world.svg: the country outlines of world-atlas
// (Natural Earth 1:110m, public domain) in an equirectangular projection
// (Antarctica left out) on a 1000 x 500 canvas, of which internal/web shows
// the part above 61°S (height 420), (x = (lon + 180) * 1000/360, y = (90 - lat) * 500/180),
// the projection internal/web uses to place markers. Run from this folder:
//   npm ci && node gen.mjs
// The output is committed so that builds and CI need no network.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const topo = JSON.parse(readFileSync("node_modules/world-atlas/countries-110m.json", "utf8"));
const countries = feature(topo, topo.objects.countries).features;
const W = 1000, H = 500;
const px = ([lon, lat]) => [((lon + 180) * W) / 360, ((90 - lat) * H) / 180];
const fmt = (n) => (Math.round(n * 10) / 10).toString();
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// unwrap makes a ring that crosses the antimeridian continuous (longitudes
// beyond ±180), so that no edge runs across the whole map.
function unwrap(coords) {
  const out = [coords[0]];
  for (let i = 1; i < coords.length; i++) {
    let [lon, lat] = coords[i];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    out.push([lon, lat]);
  }
  return out;
}

// rings returns the ring's path, twice when it crosses the antimeridian:
// once on each side (the map's viewBox clips what lies outside).
function rings(coords) {
  const u = unwrap(coords);
  const lons = u.map((c) => c[0]);
  if (Math.max(...lons) > 180) return ring(u) + ring(u.map(([lon, lat]) => [lon - 360, lat]));
  if (Math.min(...lons) < -180) return ring(u) + ring(u.map(([lon, lat]) => [lon + 360, lat]));
  return ring(u);
}

function ring(coords) {
  let d = "", last = "";
  coords.forEach((c, i) => {
    const [x, y] = px(c).map(fmt);
    const pt = x + " " + y;
    if (pt === last) return; // points that round to the same pixel
    d += (i === 0 ? "M" : "L") + pt;
    last = pt;
  });
  return d + "Z";
}

function path(geom) {
  if (!geom) return "";
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  return polys.map((p) => p.map(rings).join("")).join("");
}

countries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
const out = [`<g class="countries">`];
for (const f of countries) {
  if (f.properties.name === "Antarctica") continue; // no news there worth the space
  const d = path(f.geometry);
  if (!d) continue;
  out.push(`<path class="country" data-id="${esc(f.id ?? "")}" d="${d}"><title>${esc(f.properties.name)}</title></path>`);
}
out.push(`</g>`);
writeFileSync("../assets/world.svg", out.join("\n") + "\n");
console.log(`wrote ../assets/world.svg: ${countries.length} countries`);
