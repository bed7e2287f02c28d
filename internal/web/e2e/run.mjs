// Browser tests of the newsgraph web UI, in headless chromium driven by
// playwright-core. e2e_test.go starts a server with the reference article,
// a few PolNeAR texts and a hostile article, then runs (the last check
// ingests an article):
//
//   NEWSGRAPH_URL=http://127.0.0.1:PORT E2E_OUT=DIR CHROMIUM=/usr/bin/chromium node run.mjs
//
// Each check saves a full-page screenshot in E2E_OUT. The exit status is
// the number of failed checks (0: all passed).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.NEWSGRAPH_URL;
const out = process.env.E2E_OUT || "out";
const exe = process.env.CHROMIUM || "/usr/bin/chromium";
if (!base) {
  console.error("set NEWSGRAPH_URL to the server's address");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

async function api(path) {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return res.json();
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: exe,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"],
});
context.setDefaultTimeout(15000);

// Every page must load without script errors or CSP violations, and
// must not open dialogs (an injected alert()).
async function open(path) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => { if (m.type() === "error") page.problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => page.problems.push("page error: " + e.message));
  page.on("dialog", (d) => { page.problems.push("dialog opened: " + d.message()); d.dismiss(); });
  const res = await page.goto(base + path, { waitUntil: "load" });
  assert(res && res.status() === 200, `GET ${path}: HTTP ${res && res.status()}`);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, name), fullPage: true });
}

function clean(page) {
  assert(page.problems.length === 0, page.problems.join("; "));
}

async function referenceArticle() {
  const hits = await api("/api/articles?q=" + encodeURIComponent('"Aizaz Ahmad Chaudhry"'));
  assert(hits.items.length === 1, `search for the reference article: ${hits.items.length} hits`);
  return hits.items[0].id;
}

const checks = {
  // The reference article: the first quote's speaker is highlighted where
  // the contract says, the first direct quote's speaker is the Foreign
  // Secretary, and clicking a quote marks it and its speaker.
  async article() {
    const id = await referenceArticle();
    const doc = await api(`/api/articles/${id}`);
    const page = await open(`/articles/${id}`);
    const q1 = doc.quotes[0];
    assert(q1 && q1.speaker_mention, "the contract's first quote has no speaker mention");
    const sel = `#body [data-speaker-of="${q1.id}"]`;
    const spoken = (await page.locator(sel).allTextContents()).join("");
    assert(spoken === q1.speaker_mention.text, `first quote's highlighted speaker: got "${spoken}", want "${q1.speaker_mention.text}"`);
    const border = await page.locator(sel).first().evaluate((el) => getComputedStyle(el).borderBottomStyle);
    assert(border === "double", `speaker highlight style: got border ${border}, want the style sheet's double underline`);
    const direct = doc.quotes.find((q) => q.text.startsWith("The government is on alert"));
    assert(direct, "no quote 'The government is on alert ...' in the contract");
    const who = (await page.locator(`#body [data-speaker-of="${direct.id}"]`).allTextContents()).join("");
    assert(who.includes("Aizaz Ahmad Chaudhry"), `speaker of the direct quote: got "${who}", want Foreign Secretary Aizaz Ahmad Chaudhry`);
    const side = await page.locator(`.who li[data-q="${q1.id}"] .who-speaker`).textContent();
    const name = doc.entities.find((e) => e.id === q1.speaker)?.name ?? q1.speaker_mention.text;
    assert(side.trim() === name, `who-said-what list: got "${side.trim()}", want "${name}"`);
    // Click a piece of the quote that is not an entity link (links navigate).
    await page.locator(`#body [data-q="${q1.id}"]`).filter({ hasNot: page.locator("a") }).first().click();
    const active = await page.locator(`#body .active[data-q="${q1.id}"]`).count();
    const activeSpeaker = await page.locator(`#body .active[data-speaker-of="${q1.id}"]`).count();
    assert(active > 0 && activeSpeaker > 0, `clicking quote ${q1.id} marked ${active} quote pieces and ${activeSpeaker} speaker pieces`);
    for (const kind of ["ent-per", "ent-org", "ent-loc"]) {
      assert(await page.locator(`#body .${kind}`).count() > 0, `no ${kind} highlights`);
    }
    assert(await page.locator("#body time.date").count() > 0, "no date highlights");
    assert(await page.locator("#body .event").count() > 0, "no event highlights");
    await shot(page, "article.png");
    clean(page);
    await page.close();
  },

  // From the article, follow the link of Islamic State to its entity page
  // and find its aliases.
  async entity() {
    const id = await referenceArticle();
    const page = await open(`/articles/${id}`);
    const link = page.locator("#body a.ent-org", { hasText: /^Islamic State$/ }).first();
    await Promise.all([page.waitForURL(/\/entities\/\d+$/), link.click()]);
    const h1 = await page.locator("h1.entity-name").textContent();
    assert(h1.includes("Islamic State"), `entity page heading: got "${h1}"`);
    const aliases = await page.locator(".aliases .alias").allTextContents();
    for (const want of ["IS", "ISIS", "Daish"]) {
      assert(aliases.includes(want), `aliases of Islamic State: got ${JSON.stringify(aliases)}, want ${want} among them`);
    }
    assert(await page.locator("svg.graph-svg circle.node").count() > 1, "no connected entities in the graph");
    assert(await page.locator("svg.chart rect.bar").count() > 0, "no timeline bars");
    await shot(page, "entity.png");
    clean(page);
    await page.close();
  },

  // An article whose text holds <script> shows it as text and runs nothing.
  async xss() {
    const hits = await api("/api/articles?q=" + encodeURIComponent("xss"));
    assert(hits.items.length >= 1, "the hostile article was not ingested");
    const page = await open(`/articles/${hits.items[0].id}`);
    const text = await page.locator("#body").textContent();
    assert(text.includes('<script>alert("xss")</script>'), `the <script> tag is not shown as text: ${text.slice(0, 200)}`);
    assert(await page.locator("#body script").count() === 0, "a script element was injected into the article body");
    assert(await page.locator("#body b").count() === 0, "markup from the article was rendered");
    const title = await page.title();
    assert(title !== "pwned", "the article's script ran");
    await shot(page, "xss.png");
    clean(page);
    await page.close();
  },

  async search() {
    const page = await open("/?q=" + encodeURIComponent("Islamic State"));
    assert(await page.locator(".results li").count() > 0, "no search results for Islamic State");
    assert(await page.locator(".snippet mark").count() > 0, "no highlighted matches in snippets");
    await shot(page, "search.png");
    clean(page);
    await page.close();
  },

  // Search with NOT: fewer articles than without it, the total shown
  // ("N articles") equals the API's, and the excluded word is in no hit.
  async searchNot() {
    const all = await api("/api/articles?q=" + encodeURIComponent("said"));
    const not = await api("/api/articles?q=" + encodeURIComponent("said -Nisar"));
    assert(all.total > not.total && not.total > 0, `totals: said ${all.total}, said -Nisar ${not.total}`);
    const page = await open("/");
    await page.locator("form.search input[name=q]").fill("said -Nisar");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator("form.search button").click()]);
    const total = (await page.locator("h2 .total").textContent()).trim();
    const want = `${not.total.toLocaleString("en-US")} article${not.total === 1 ? "" : "s"}`;
    assert(total === want, `total shown: got "${total}", want "${want}"`);
    const snippets = (await page.locator(".results .snippet").allTextContents()).join(" ");
    assert(!/nisar/i.test(snippets), "a hit of 'said -Nisar' mentions Nisar");
    assert(await page.locator("details.search-help").count() === 1, "no search syntax help by the box");
    await shot(page, "search-not.png");
    clean(page);
    await page.close();
  },

  // Browse entities without a name, then a misspelt name gets "Did you
  // mean" with the entity, and part of a name finds it.
  async entityBrowse() {
    const page = await open("/entities");
    for (const h of ["People", "Organisations", "Places"]) {
      assert(await page.locator("section.entity-group h2", { hasText: h }).count() === 1, `no ${h} section`);
    }
    assert(await page.locator("section.entity-group a.ent-per").count() > 0, "no people listed");
    await shot(page, "entities.png");
    await page.locator("header form.find input[name=name]").fill("Nisaar");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.locator("header form.find button").click()]);
    assert(await page.locator(".did-you-mean").count() === 1, "no 'Did you mean' for Nisaar");
    const sugg = await page.locator(".entity-list a.ent-per").allTextContents();
    assert(sugg.some((n) => n.includes("Nisar")), `suggestions for Nisaar: ${JSON.stringify(sugg)}`);
    await shot(page, "did-you-mean.png");
    const part = await api("/api/entities?type=PER&name=" + encodeURIComponent("Aizaz"));
    assert(part.items.some((e) => e.name === "Aizaz Ahmad Chaudhry"), `part of a name: ${JSON.stringify(part)}`);
    clean(page);
    await page.close();
  },

  // The entity page's timeline has bars by month (YYYY-MM on its axis) and
  // its graph has neighbours: Chaudhry Nisar Ali Khan, of an article
  // ingested with --published 2015-03-03.
  async timelineAndGraph() {
    const [nisar] = (await api("/api/entities?type=PER&name=" + encodeURIComponent("Chaudhry Nisar Ali Khan"))).items;
    assert(nisar, "no Chaudhry Nisar Ali Khan");
    const page = await open(`/entities/${nisar.id}`);
    assert(await page.locator("svg.chart rect.bar").count() > 0, "no timeline bars");
    const axis = await page.locator("svg.chart text.axis").allTextContents();
    assert(axis.some((t) => /^\d{4}-\d{2}$/.test(t.trim())), `timeline axis has no month: ${JSON.stringify(axis)}`);
    assert(await page.locator("svg.graph-svg circle.node").count() > 1, "no neighbours in the graph");
    await shot(page, "entity-timeline-graph.png");
    clean(page);
    await page.close();
  },

  // The search page's CSV download is a file of RFC 4180 CSV with a header.
  async csvDownload() {
    const page = await open("/?q=" + encodeURIComponent('"Islamic State"'));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".downloads a", { hasText: "quotes" }).click()]);
    assert(download.suggestedFilename() === "newsgraph-quotes.csv", `file name ${download.suggestedFilename()}`);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(path, "utf8");
    const lines = text.split("\r\n");
    assert(lines[0] === "article_id,published,url,source,quote_id,kind,speaker,cue,sourcing,quote,start,end,sentence", `header: ${lines[0]}`);
    assert(lines.length > 2, `only ${lines.length} lines in quotes.csv`);
    clean(page);
    await page.close();
  },

  async map() {
    const page = await open("/map");
    const countries = await page.locator("svg.world path.country").count();
    assert(countries > 150, `world map: ${countries} countries`);
    const places = await page.locator("svg.world circle.place").count();
    assert(places > 0, "no places on the map");
    await shot(page, "map.png");
    clean(page);
    await page.close();
  },

  async contradictions() {
    const page = await open("/contradictions");
    const pairs = await page.locator(".pair").count();
    assert(pairs > 0, "no contradictions listed");
    assert(await page.locator(".pair .side-a").count() === pairs && await page.locator(".pair .side-b").count() === pairs,
      "each contradiction should show both claims side by side");
    await shot(page, "contradictions.png");
    clean(page);
    await page.close();
  },

  // An analyst merges an entity into the one of the page with its merge
  // button, sees the merge explained, then splits the name off again.
  async merge() {
    const token = process.env.E2E_TOKEN;
    assert(token, "set E2E_TOKEN to the server's token");
    const find = async (name) => (await api("/api/entities?type=PER&name=" + encodeURIComponent(name))).items;
    const nisar = await find("Chaudhry Nisar");
    const khan = await find("Chaudhry Nisar Ali Khan");
    assert(nisar.length === 1 && khan.length === 1 && nisar[0].id !== khan[0].id,
      `the merge check needs two entities: ${JSON.stringify(nisar)} ${JSON.stringify(khan)}`);
    const id = nisar[0].id;
    const page = await open(`/entities/${id}`);
    await page.locator("details.decide summary").click();
    const form = page.locator("form.merge-form");
    await form.locator("input[name=from]").fill("Chaudhry Nisar Ali Khan");
    await form.locator("input[name=note]").fill("the same interior minister");
    await form.locator("input[name=token]").fill(token);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), form.locator("button.merge-button").click()]);
    const said = async () => `${page.url()}: ${(await page.locator("body").textContent()).replace(/\s+/g, " ").slice(0, 300)}`;
    assert(await page.locator(".decisions .decision-merge").count() === 1, `after the merge button, ${await said()}`);
    const merged = await page.locator(".decisions .decision-merge").textContent();
    assert(merged.includes("Merged by an analyst on") && merged.includes("the same interior minister"), `merge explained as "${merged}"`);
    const aliases = await page.locator(".aliases .alias").allTextContents();
    const name = await page.locator("h1.entity-name").textContent();
    assert(aliases.includes("Chaudhry Nisar Ali Khan") || name.includes("Chaudhry Nisar Ali Khan"), `names after the merge: ${name} ${JSON.stringify(aliases)}`);
    assert((await find("Chaudhry Nisar Ali Khan"))[0].id === id, "the API does not show the merge");
    await shot(page, "entity-merged.png");
    await page.locator("details.decide summary").click();
    const split = page.locator("form.split-form");
    await split.locator("select[name=name]").selectOption("Chaudhry Nisar Ali Khan");
    await split.locator("input[name=token]").fill(token);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), split.locator("button.split-button").click()]);
    assert(await page.locator(".decisions .decision-split").count() === 1, `after the split button, ${await said()}`);
    const done = await page.locator(".decisions .decision-split").textContent();
    assert(done.includes("Split by an analyst on"), `split explained as "${done}"`);
    const other = (await find("Chaudhry Nisar Ali Khan"))[0].id;
    assert(other !== id, "the split name still leads to the entity");
    await shot(page, "entity-split.png");
    clean(page);
    await page.close();
  },

  // An analyst asks for alerts about an entity on its page ("Alert me
  // about this entity"), an article naming it is ingested through the
  // API, and the alert shows on the alerts page, linking to the article
  // with the sentence highlighted; the watchlist's Atom feed has it too.
  async alerts() {
    const token = process.env.E2E_TOKEN;
    assert(token, "set E2E_TOKEN to the server's token");
    const found = (await api("/api/entities?type=ORG&name=" + encodeURIComponent("Islamic State"))).items;
    assert(found.length >= 1, `no Islamic State entity: ${JSON.stringify(found)}`);
    const id = found[0].id;
    const page = await open(`/entities/${id}`);
    const form = page.locator("form.watch-form");
    await form.locator("select[name=role]").selectOption("mentioned");
    await form.locator("input[name=token]").fill(token);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), form.locator("button.watch-button").click()]);
    const said = async () => `${page.url()}: ${(await page.locator("body").textContent()).replace(/\s+/g, " ").slice(0, 400)}`;
    const m = page.url().match(/\/alerts\?watchlist=(\d+)$/);
    assert(m, `after the alert button, ${await said()}`);
    assert(await page.locator(".alerts .alert").count() === 0, `alerts before any new article: ${await said()}`);
    const text = "Two held for recruiting militants in Karachi\n\n" +
      "KARACHI: Police in Karachi arrested two men on Thursday on suspicion of recruiting fighters for Islamic State.\n" +
      "A police spokesman said the men had travelled to Afghanistan last year.\n";
    const res = await fetch(base + "/api/ingest", {
      method: "POST",
      headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
      body: JSON.stringify({ articles: [{ text, published: "2015-02-26" }] }),
    });
    const ingested = await res.text();
    assert(res.status === 201 && ingested.includes('"status":"stored"'), `ingest: HTTP ${res.status} ${ingested}`);
    await page.reload({ waitUntil: "load" });
    const items = page.locator(".alerts .alert");
    assert(await items.count() === 1, `alerts after the article: ${await said()}`);
    const why = await items.first().locator(".why").textContent();
    assert(why.includes("Islamic State"), `alert explained as "${why}"`);
    const quoted = await items.first().locator("blockquote").textContent();
    assert(quoted.includes("Islamic State"), `alert's sentence "${quoted}"`);
    await shot(page, "alerts.png");
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), items.first().locator("a.alert-article").click()]);
    assert(/\/articles\/\d+\?hl=\d+-\d+#hl$/.test(page.url()), `the alert links to ${page.url()}`);
    const marked = await page.locator("mark#hl").textContent();
    assert(marked.includes("Islamic State") || (await page.locator("mark.hl").allTextContents()).join("").includes("Islamic State"),
      `highlighted "${marked}"`);
    await shot(page, "alert-article.png");
    const feed = await fetch(base + `/watchlists/${m[1]}/feed.atom`);
    const xml = await feed.text();
    assert(feed.status === 200 && xml.includes("<entry>") && xml.includes("Islamic State") && xml.includes("hl="), `feed: HTTP ${feed.status} ${xml.slice(0, 300)}`);
    clean(page);
    await page.close();
  },
};

let failed = 0;
for (const [name, fn] of Object.entries(checks)) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`screenshots in ${out}`);
process.exit(failed);
