// Lighthouse for several pages with one headless Chromium, offline (issue 28).
//
//   CHROME_PATH=/usr/bin/chromium node scripts/lighthouse.mjs <lighthouse install folder> <url>...
//
// The folder is where `npm install --prefix <folder> lighthouse@<version>` put the package (scripts/test.sh
// does so in ~/.cache/kommuneportal/, outside the repository; nothing here is committed but this file).
// Prints one JSON object per line and URL: the performance and SEO scores (simulated mobile, Lighthouse's
// defaults), the metrics, and the audits that did not pass. Used by tests/browser/test_lighthouse.py.

import { pathToFileURL } from "node:url";

const [folder, ...urls] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(`${folder}/node_modules/${path}`).href);
const lighthouse = (await load("lighthouse/core/index.js")).default;
const chromeLauncher = await load("chrome-launcher/dist/index.js");

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
});
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance", "seo"], logLevel: "error" });
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
      .map((a) => a.id);
    console.log(JSON.stringify({
      url, error: lhr.runtimeError?.message ?? null,
      performance: lhr.categories.performance.score, seo: lhr.categories.seo.score,
      fcp_ms: audit("first-contentful-paint"), lcp_ms: audit("largest-contentful-paint"),
      cls: audit("cumulative-layout-shift"), tbt_ms: audit("total-blocking-time"), failed,
    }));
  }
} finally {
  await chrome.kill();
}
