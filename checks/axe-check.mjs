// Loads pages in Debian's headless Chromium as a reader would get them, runs axe-core on each at WCAG 2.2 AA,
// and prints one JSON document with the results.
//
//   node axe-check.mjs http://127.0.0.1:8080 /news/some-article/ /city/another/
//
// Only the base URL's origin is reachable: every other request (images on a CDN, say) is aborted, so a run
// never leaves this machine and never waits on a network that is not there.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGE_TIMEOUT_MS = 30_000;
const CONCURRENT_PAGES = 2;
// Past this the run gives up; exiting makes Playwright kill the browser, so nothing outlives a stuck check.
const RUN_TIMEOUT_MS = 180_000;

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node axe-check.mjs <base-url> <path>...');
  process.exit(64);
}
const origin = new URL(base).origin;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = require('axe-core/package.json').version;

setTimeout(() => {
  console.error(`axe-check: gave up after ${RUN_TIMEOUT_MS} ms`);
  process.exit(70);
}, RUN_TIMEOUT_MS).unref();

const profile = mkdtempSync(join(tmpdir(), 'axe-check-chromium-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // exactly these flags, plus the two every run needs: a fresh profile, and the pipe Playwright drives it through
  ignoreDefaultArgs: true,
  args: [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
  timeout: PAGE_TIMEOUT_MS,
});
try {
  const context = await browser.newContext();
  // Two pages at a time keep both cores busy: while axe works in one, the other loads.
  const results = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      results[i] = await check(context, new URL(paths[i], base).href, paths[i]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_PAGES }, worker));
  process.stdout.write(JSON.stringify({ browser: browser.version(), axe: axeVersion, pages: results }));
} finally {
  await browser.close();
}

async function check(context, url, path) {
  const page = await context.newPage();
  const problems = [];
  // No script of the site opens a dialog: one that does, or a script error, means text became markup somewhere.
  page.on('dialog', async dialog => {
    problems.push(`a script opened a ${dialog.type()} dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', error => problems.push(`script error: ${error.message}`));
  page.on('response', response => {
    // the page's own status is reported below, with what the server said
    if (response.request().resourceType() !== 'document' && response.status() >= 400) {
      problems.push(`${response.url()} answered ${response.status()}`);
    }
  });
  await page.route('**/*', route =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'));
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (!response || !response.ok()) {
      const said = response ? `${response.status()}: ${(await response.text()).slice(0, 200)}` : 'nothing';
      return { path, problems: [...problems, `${url} answered ${said}`], violations: [], needsReview: [] };
    }
    await page.evaluate(axeSource);
    const axe = await page.evaluate(tags => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    }), TAGS);
    // "incomplete" is what axe could not decide, such as text in the same colour as its background
    return { path, problems, violations: axe.violations.map(summary), needsReview: axe.incomplete.map(summary) };
  } catch (error) {
    return { path, problems: [...problems, `could not be checked: ${error.message.split('\n')[0]}`], violations: [], needsReview: [] };
  } finally {
    await page.close();
  }
}

function summary(result) {
  return {
    id: result.id,
    impact: result.impact,
    help: result.help,
    helpUrl: result.helpUrl,
    nodes: result.nodes.map(n => ({
      target: n.target.map(String),
      html: n.html,
      summary: n.failureSummary ?? n.any.map(check => check.message).join('; '),
    })),
  };
}
