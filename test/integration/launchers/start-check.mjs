// `npm start -- --check`: prove that the URL `npm start` prints serves a workbench in which the
// extension runs, the way a person would see it: open a canvas, break it by typing, and find
// the extension's problem in the Problems panel.
import { launchBrowser } from './code-server.mjs';

const DEADLINE_MS = 90_000;

/** Resolves true when the extension's diagnostic shows up for a typed-in error; throws otherwise. */
export async function checkWorkbench(url, { log = (m) => console.log(`[check] ${m}`) } = {}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(DEADLINE_MS);
    await page.goto(url);
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    log('workbench loaded');

    // Quick Open the first example.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('ride-hailing.canvas.yaml');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    const mode = await page.locator('[id="status.editor.mode"]').innerText();
    log(`opened ride-hailing.canvas.yaml, language: ${mode.trim()}`);

    // Type a key the schema does not know; the extension reports it without a save.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('bogus-key: 1\n'); // one input event: no completion or auto-indent in between
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'canvas-as-code' }).first();
    await problem.waitFor();
    log(`Problems panel: ${(await problem.innerText()).replace(/\s+/g, ' ').trim()}`);
    return true;
  } finally {
    await browser.close();
  }
}
