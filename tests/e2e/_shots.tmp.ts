import { startSession } from '/work/wt/bestand/tests/e2e/browser';
const s = await startSession();
const p = await s.newPage();
const shots: [string, string, string][] = [
  ['angebote/', '[data-testid=offer-list]', 'angebote'],
  ['netzwerke/?netzwerk=N01', '[data-testid=coverage-table]', 'netzwerke'],
  ['ziele/ziel/?id=FZ02&ansicht=massnahmen', '[data-testid=measures-panel]', 'ziel'],
];
for (const [path, sel, name] of shots) {
  await p.goto(s.baseUrl + path);
  await p.waitForSelector(sel, { timeout: 90_000 });
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `/tmp/bestand-${name}.png`, fullPage: name !== 'ziel' });
}
// slide: add it from the target page
await p.click('[data-testid=add-measures-slide]');
await p.goto(s.baseUrl + 'praesentation/');
await p.waitForSelector('[data-testid=figure-measures]', { timeout: 90_000 });
await p.waitForTimeout(1500);
await p.locator('[data-testid=figure-measures]').screenshot({ path: '/tmp/bestand-slide.png' });
await s.close();
