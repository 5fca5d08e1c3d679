// WCAG 2.1 A and AA checks of the screen as shown, with axe-core. axe is evaluated through the DevTools protocol,
// which the page's Content-Security-Policy (no inline or injected scripts) does not apply to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function checkAccessibility(page, screen) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
    );
  });
  assert.deepEqual(violations, [], `${screen}: WCAG 2.1 AA violations`);
}

/// Everything one can act on in the screen (links, buttons, fields) is reached by pressing Tab from the top of
/// the page, in some order: nothing needs a mouse. Radio buttons count once per group, as Tab enters a group once
/// and the arrow keys move within it.
export async function checkKeyboardReach(page, screen, limit = 600) {
  const expected = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), ' +
      'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const groups = new Set();
    let count = 0;
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      // What a closed <details> holds is not shown, so not a Tab stop until it is opened.
      if (element.closest('details:not([open]) > :not(summary)')) continue;
      if (element.type === 'radio') {
        if (groups.has(element.name)) continue;
        groups.add(element.name);
        // Tab lands on the checked one, or on the first one when none is.
        const group = [...document.querySelectorAll(`input[type=radio][name="${element.name}"]`)];
        const target = group.find((radio) => radio.checked) ?? group[0];
        target.dataset.keyboard = String(count++);
        continue;
      }
      element.dataset.keyboard = String(count++);
    }
    document.activeElement?.blur();
    return count;
  });
  const reached = new Set();
  for (let step = 0; step < limit && reached.size < expected; step++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.dataset?.keyboard ?? null);
    if (id !== null) reached.add(id);
  }
  const missing = await page.evaluate(
    (ids) =>
      [...document.querySelectorAll('[data-keyboard]')]
        .filter((element) => !ids.includes(element.dataset.keyboard))
        .map((element) => element.outerHTML.slice(0, 140)),
    [...reached],
  );
  assert.deepEqual(missing, [], `${screen}: not reachable with the Tab key`);
}
