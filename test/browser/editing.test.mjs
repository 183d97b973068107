// Editing in the preview page (issue 15), in real headless Chromium: every gesture and its keyboard
// twin posts the exact edit intent on the shown version; answers are shown and announced.
import * as assert from 'node:assert/strict';
import { LABELS, openPreview, previewHooks } from './harness.mjs';
import { SMALL, VPC, viewOf } from './views.mjs';

const URI = 'file:///w/test.canvas.yaml';
const VERSION = 5;
const viewMessage = (view, { outdated = false } = {}) => ({ type: 'view', uri: URI, fileName: 'test.canvas.yaml', view, outdated });
const L = LABELS.editing;
const card = (key) => `li.card[data-key="${key}"]`;

describe('preview editing', function () {
  let preview;
  previewHooks(() => preview, () => (preview = undefined));

  let shownText;
  async function open(text = SMALL, version = VERSION) {
    shownText = text;
    preview = await openPreview({ init: { view: await viewOf(text, version) } });
    await preview.clearPosted();
    return preview;
  }

  /** The edits posted, with their timestamps checked and left out. */
  async function edits() {
    const posted = await preview.posted('edit');
    return posted.map(({ sentAt, uri, ...rest }) => {
      assert.equal(typeof sentAt, 'number');
      assert.equal(uri, 'file:///w/test.canvas.yaml', 'the edit names the file the page drew');
      return rest;
    });
  }

  const intents = async () => (await edits()).map((e) => e.intent);
  const status = () => preview.page.$eval('.editing-status', (s) => ({ text: s.textContent, role: s.getAttribute('role'), live: s.getAttribute('aria-live'), error: s.classList.contains('error') }));
  const focused = () => preview.page.evaluate(() => document.activeElement?.dataset?.key ?? document.activeElement?.className);
  /** The panel gives the focus back on its `close` event, a task after Escape or Close. */
  const focusReturnsTo = (key) => preview.page.waitForFunction((k) => document.activeElement?.dataset?.key === k, key, { timeout: 5000 });
  const answer = (id, ok, message) => preview.post({ type: 'edited', id, ok, ...(message ? { message } : {}), appliedAt: 1000 + id });
  /** The host's side of edit `id`: applied, and a newer view of the same text drawn (keys pressed since wait for it). */
  async function applied(id) {
    await answer(id, true);
    await preview.post(viewMessage(await viewOf(shownText, VERSION + id)));
  }
  async function press(key, selector) {
    if (selector) await preview.page.focus(selector);
    await preview.page.keyboard.press(key);
  }

  describe('add a card', () => {
    it('puts a labelled + button under every block, empty blocks too', async () => {
      await open();
      const buttons = await preview.page.$$eval('section.block > button.add-card', (b) => b.map((x) => [x.dataset.block, x.getAttribute('aria-label'), x.textContent]));
      assert.equal(buttons.length, 9);
      assert.deepEqual(buttons[0], ['key-partnerships', 'Add a card to Key Partnerships', '+']);
      assert.deepEqual(buttons[6], ['customer-segments', 'Add a card to Customer Segments', '+']);
    });

    it('the + button opens a name field; Enter adds the card at the end of the block', async () => {
      await open();
      await preview.page.click('section[data-block="key-partnerships"] > button.add-card');
      assert.equal(await preview.page.evaluate(() => document.activeElement.getAttribute('aria-label')), L.newCardName);
      await preview.page.keyboard.type('Car makers');
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION, intent: { command: 'addCard', block: 'key-partnerships', name: 'Car makers' } }]);
      assert.equal(await preview.page.$$eval('input.new-card', (i) => i.length), 0);
      assert.deepEqual(await preview.posted('reveal'), [], 'the button is no card: nothing revealed');
    });

    it('Escape cancels the new card (nothing sent) and gives the focus back to the + button; an empty name sends nothing', async () => {
      await open();
      await preview.page.click('section[data-block="channels"] > button.add-card');
      await preview.page.keyboard.type('Radio');
      await preview.page.keyboard.press('Escape');
      assert.equal(await preview.page.evaluate(() => document.activeElement.className), 'add-card');
      await preview.page.keyboard.press('Enter'); // the button again
      await preview.page.keyboard.press('Enter'); // empty name
      assert.deepEqual(await edits(), []);
    });

    it('Alt+N and Insert on a card add after it (index), Escape returns to the card', async () => {
      await open();
      await press('Alt+n', card('value-propositions/fast'));
      await preview.page.keyboard.type('Safe rides');
      await preview.page.keyboard.press('Enter');
      await applied(1);
      await press('Insert', card('value-propositions/both'));
      await preview.page.keyboard.press('Escape');
      assert.equal(await focused(), 'value-propositions/both');
      await press('Insert', card('value-propositions/both'));
      await preview.page.keyboard.type('Last');
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await intents(), [
        { command: 'addCard', block: 'value-propositions', name: 'Safe rides', index: 1 },
        { command: 'addCard', block: 'value-propositions', name: 'Last' },
      ]);
    });
  });

  describe('rename', () => {
    it('F2 puts the name in a field in place; Enter sends the new name', async () => {
      await open();
      await press('F2', card('value-propositions/income'));
      const field = await preview.page.$eval(`${card('value-propositions/income')} input.rename-card`, (i) => ({ value: i.value, label: i.getAttribute('aria-label'), focused: document.activeElement === i }));
      assert.deepEqual(field, { value: 'Steady income', label: 'New name of Steady income: Enter renames, Escape cancels', focused: true });
      await preview.page.keyboard.press('Control+a');
      await preview.page.keyboard.type('Fair income');
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION, intent: { command: 'renameCard', block: 'value-propositions', index: 1, name: 'Fair income' } }]);
    });

    it('Escape cancels (focus back on the card), and an unchanged or empty name sends nothing', async () => {
      await open();
      await press('F2', card('channels/app'));
      await preview.page.keyboard.type('X');
      await preview.page.keyboard.press('Escape');
      assert.equal(await focused(), 'channels/app');
      assert.equal(await preview.page.$$eval('input.rename-card', (i) => i.length), 0);
      await press('F2', card('channels/app'));
      await preview.page.keyboard.press('Enter');
      await press('F2', card('channels/app'));
      await preview.page.keyboard.press('Control+a');
      await preview.page.keyboard.press('Delete');
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), []);
    });

    it('the pencil button of a card renames it too, without revealing the card', async () => {
      await open();
      await preview.page.hover(card('customer-segments/drivers'));
      await preview.page.click(`${card('customer-segments/drivers')} .card-action.rename`);
      await preview.page.keyboard.press('End');
      await preview.page.keyboard.type(' (EV)');
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await intents(), [{ command: 'renameCard', block: 'customer-segments', index: 1, name: 'Licensed drivers (EV)' }]);
      assert.deepEqual(await preview.posted('reveal'), []);
    });

    it('keeps the field and what was typed when an update redraws the card', async () => {
      await open();
      await press('F2', card('value-propositions/fast'));
      await preview.page.keyboard.type('Quick');
      await preview.post(viewMessage(await viewOf(SMALL.replace('name: Fast pickup', 'name: Fast pickups'), VERSION + 1)));
      const field = await preview.page.$eval(`${card('value-propositions/fast')} input.rename-card`, (i) => ({ value: i.value, focused: document.activeElement === i }));
      assert.deepEqual(field, { value: 'Quick', focused: true });
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION + 1, intent: { command: 'renameCard', block: 'value-propositions', index: 0, name: 'Quick' } }]);
    });
  });

  describe('while the canvas changes', () => {
    const inserted = SMALL.replace('value-propositions:\n', 'value-propositions:\n  - id: new\n    name: Typed in the editor\n');

    it('a rename goes to the card where it is when Enter is pressed (a card was added above meanwhile)', async () => {
      await open();
      await press('F2', card('value-propositions/income'));
      await preview.page.keyboard.type('X');
      await preview.post(viewMessage(await viewOf(inserted, VERSION + 1)));
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION + 1, intent: { command: 'renameCard', block: 'value-propositions', index: 2, name: 'X' } }]);
    });

    it('a new card after a card follows that card; a card deleted meanwhile leaves its rename with nothing to send', async () => {
      await open();
      await press('Alt+n', card('value-propositions/fast'));
      await preview.page.keyboard.type('After fast');
      await preview.post(viewMessage(await viewOf(inserted, VERSION + 1)));
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await intents(), [{ command: 'addCard', block: 'value-propositions', name: 'After fast', index: 2 }]);
      await applied(1);
      await press('F2', card('channels/app'));
      await preview.page.keyboard.type('Y');
      await preview.post(viewMessage(await viewOf(SMALL.replace(/channels:[\s\S]*$/, ''), VERSION + 9)));
      await preview.page.keyboard.press('Enter');
      assert.equal((await edits()).length, 1);
    });

    it('another file shown drops the name fields open for the first one', async () => {
      await open();
      await press('F2', card('value-propositions/fast'));
      await preview.page.keyboard.type('Z');
      await preview.page.click('section[data-block="channels"] > button.add-card');
      await preview.page.keyboard.type('W');
      await preview.post({ ...viewMessage(await viewOf(SMALL, 1)), uri: 'file:///w/other.canvas.yaml', fileName: 'other.canvas.yaml' });
      assert.equal(await preview.page.$$eval('input.inline-field', (i) => i.length), 0);
      await preview.page.keyboard.press('Enter');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION, intent: { command: 'renameCard', block: 'value-propositions', index: 0, name: 'Z' } }], 'the rename was sent when the add field took the focus; nothing after');
    });
  });

  describe('delete', () => {
    it('the Delete key and the delete button send deleteCard; applied, it is announced with the way back', async () => {
      await open();
      await press('Delete', card('value-propositions/income'));
      await preview.page.hover(card('channels/app'));
      await preview.page.click(`${card('channels/app')} .card-action.delete`);
      assert.deepEqual(await edits(), [
        { type: 'edit', id: 1, version: VERSION, intent: { command: 'deleteCard', block: 'value-propositions', index: 1 } },
        { type: 'edit', id: 2, version: VERSION, intent: { command: 'deleteCard', block: 'channels', index: 0 } },
      ]);
      await answer(1, true);
      assert.deepEqual(await status(), { text: 'Deleted Steady income from Value Propositions. Ctrl+Z brings it back.', role: 'status', live: 'polite', error: false });
    });

    it('counts items that are no card in the index the command takes', async () => {
      await open('canvas: business-model\ntitle: T\nchannels:\n  - name: App\n  - 42\n  - name: Web\n');
      await press('Delete', card('channels/channels#2'));
      assert.deepEqual(await intents(), [{ command: 'deleteCard', block: 'channels', index: 2 }]);
    });
  });

  describe('reorder and move', () => {
    it('Alt+Down and Alt+Up move a card within its block', async () => {
      await open();
      await press('Alt+ArrowDown', card('value-propositions/fast'));
      await applied(1);
      await press('Alt+ArrowUp', card('value-propositions/both'));
      assert.deepEqual(await intents(), [
        { command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'value-propositions', toIndex: 1 },
        { command: 'moveCard', block: 'value-propositions', index: 2, toBlock: 'value-propositions', toIndex: 1 },
      ]);
      assert.deepEqual(await preview.posted('reveal'), [], 'the canvas does not take Alt+arrows for its own');
    });

    it('at the edge nothing is sent and that is announced', async () => {
      await open();
      await press('Alt+ArrowUp', card('value-propositions/fast'));
      await press('Alt+ArrowRight', card('customer-segments/riders'));
      assert.deepEqual(await intents(), [{ command: 'moveCard', block: 'customer-segments', index: 0, toBlock: 'cost-structure', toIndex: 0 }]);
      await open('canvas: business-model\ntitle: T\nrevenue-streams:\n  - name: Fees\n');
      await press('Alt+ArrowRight', card('revenue-streams/revenue-streams#0'));
      assert.deepEqual(await intents(), []);
      assert.equal((await status()).text, 'Fees cannot move further that way');
    });

    it('Alt+Left and Alt+Right move a card to the end of the previous or next block in layout order', async () => {
      await open();
      await press('Alt+ArrowLeft', card('value-propositions/fast'));
      await applied(1);
      await press('Alt+ArrowRight', card('value-propositions/income'));
      await applied(2);
      await press('Alt+ArrowLeft', card('customer-segments/drivers'));
      assert.deepEqual(await intents(), [
        { command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'key-resources', toIndex: 0 },
        { command: 'moveCard', block: 'value-propositions', index: 1, toBlock: 'customer-relationships', toIndex: 0 },
        { command: 'moveCard', block: 'customer-segments', index: 1, toBlock: 'channels', toIndex: 1 },
      ]);
    });

    it('applied, the move is announced and the focus follows the card once the new view is drawn', async () => {
      await open();
      await press('Alt+ArrowLeft', card('customer-segments/drivers'));
      await answer(1, true);
      assert.equal((await status()).text, 'Moved Licensed drivers to Channels, position 2');
      await preview.post(viewMessage(await viewOf(SMALL.replace(/  - id: drivers\n    name: Licensed drivers\n    type: niche-market\n    color: "#e9c46a"\n/, '') + '  - id: drivers\n    name: Licensed drivers\n', VERSION + 1)));
      assert.equal(await focused(), 'channels/drivers');
    });

    it('keys pressed while an edit is on its way wait for its view, then act on the card where it is now', async () => {
      await open();
      await preview.page.focus(card('value-propositions/fast'));
      await preview.page.keyboard.press('Alt+ArrowDown');
      await preview.page.keyboard.press('Alt+ArrowDown');
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION, intent: { command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'value-propositions', toIndex: 1 } }]);
      await answer(1, true);
      assert.equal((await edits()).length, 1, 'the answer alone is not the view');
      const moved = SMALL.replace(/(  - id: fast\n    name: Fast pickup\n    segments: \[riders\]\n)(  - id: income\n    name: Steady income\n    segments: \[drivers\]\n)/, '$2$1');
      assert.notEqual(moved, SMALL);
      await preview.post(viewMessage(await viewOf(moved, VERSION + 1)));
      assert.equal(await focused(), 'value-propositions/fast');
      assert.deepEqual((await edits())[1], { type: 'edit', id: 2, version: VERSION + 1, intent: { command: 'moveCard', block: 'value-propositions', index: 1, toBlock: 'value-propositions', toIndex: 2 } });
      // A refusal drops what waited.
      await preview.page.keyboard.press('Alt+ArrowUp');
      await answer(2, false, 'stale');
      assert.equal((await edits()).length, 2);
    });

    async function drag(from, to, { dx = 0, dy = 0 } = {}) {
      const a = await preview.page.$eval(from, (e) => e.getBoundingClientRect().toJSON());
      const b = await preview.page.$eval(to, (e) => e.getBoundingClientRect().toJSON());
      await preview.page.mouse.move(a.left + 20, a.top + 10);
      await preview.page.mouse.down();
      await preview.page.mouse.move(a.left + 30, a.top + 20, { steps: 3 });
      await preview.page.mouse.move(b.left + 20 + dx, b.top + b.height / 2 + dy, { steps: 5 });
      const indicator = await preview.page.$eval('.drop-indicator', (i) => !i.hidden);
      await preview.page.mouse.up();
      return indicator;
    }

    it('drag and drop within a block: below the last card, and above the first', async () => {
      await open();
      assert.equal(await drag(card('value-propositions/fast'), card('value-propositions/both'), { dy: 10 }), true, 'a drop line is shown');
      await drag(card('value-propositions/both'), card('value-propositions/fast'), { dy: -10 });
      assert.deepEqual(await intents(), [
        { command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'value-propositions', toIndex: 2 },
        { command: 'moveCard', block: 'value-propositions', index: 2, toBlock: 'value-propositions', toIndex: 0 },
      ]);
      assert.deepEqual(await preview.posted('reveal'), [], 'a drop is no click');
      assert.equal(await preview.page.$eval('.drop-indicator', (i) => i.hidden), true);
    });

    it('drag and drop to another block: before a card, and into an empty block', async () => {
      await open();
      await drag(card('value-propositions/income'), card('channels/app'), { dy: -10 });
      await drag(card('value-propositions/fast'), 'section[data-block="key-partnerships"]');
      assert.deepEqual(await intents(), [
        { command: 'moveCard', block: 'value-propositions', index: 1, toBlock: 'channels', toIndex: 0 },
        { command: 'moveCard', block: 'value-propositions', index: 0, toBlock: 'key-partnerships', toIndex: 0 },
      ]);
    });

    it('drag and drop in a wide block (cards side by side): before the card whose left half it is over', async () => {
      await open('canvas: business-model\ntitle: T\nrevenue-streams:\n  - name: Fees\n  - name: Ads\n  - name: Data\n');
      const keys = ['revenue-streams/revenue-streams#0', 'revenue-streams/revenue-streams#1', 'revenue-streams/revenue-streams#2'];
      const boxes = await Promise.all(keys.map((k) => preview.page.$eval(card(k), (e) => e.getBoundingClientRect().toJSON())));
      assert.ok(boxes[1].left > boxes[0].right - 1 && boxes[1].top === boxes[0].top, 'side by side');
      await drag(card(keys[2]), card(keys[0]), { dx: -10 });
      await drag(card(keys[0]), card(keys[2]), { dx: boxes[2].width - 30 });
      assert.deepEqual(await intents(), [
        { command: 'moveCard', block: 'revenue-streams', index: 2, toBlock: 'revenue-streams', toIndex: 0 },
        { command: 'moveCard', block: 'revenue-streams', index: 0, toBlock: 'revenue-streams', toIndex: 2 },
      ]);
    });

    it('a drop after an update during the drag is read from the canvas as it is now', async () => {
      await open();
      const a = await preview.page.$eval(card('value-propositions/fast'), (e) => e.getBoundingClientRect().toJSON());
      await preview.page.mouse.move(a.left + 20, a.top + 10);
      await preview.page.mouse.down();
      await preview.page.mouse.move(a.left + 30, a.top + 30, { steps: 3 });
      await preview.post(viewMessage(await viewOf(SMALL.replace('value-propositions:\n', 'value-propositions:\n  - id: new\n    name: Typed in the editor\n'), VERSION + 1)));
      // The card's box once the layout has settled after the update (the same over two frames; the
      // header's health line can move it a few pixels a frame later), then well inside its lower
      // half (after it): 2 px above its bottom edge once put the pointer in the block below.
      const b = await preview.page.$eval(card('value-propositions/both'), async (e) => {
        let last = '';
        for (let frame = 0; frame < 120; frame++) {
          const now = JSON.stringify(e.getBoundingClientRect().toJSON());
          if (now === last) break;
          last = now;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return JSON.parse(last);
      });
      await preview.page.mouse.move(b.left + 20, b.top + b.height * 0.75, { steps: 5 });
      await preview.page.mouse.up();
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION + 1, intent: { command: 'moveCard', block: 'value-propositions', index: 1, toBlock: 'value-propositions', toIndex: 3 } }]);
    });

    it('a press without a drag stays a click (it reveals the card); a drop where the card is sends nothing', async () => {
      await open();
      await preview.page.click(card('channels/app'));
      await drag(card('value-propositions/fast'), card('value-propositions/fast'), { dy: -5 });
      assert.deepEqual(await intents(), []);
      assert.equal((await preview.posted('reveal')).length, 1);
    });
  });

  describe('detail panel', () => {
    const fieldLabels = () => preview.page.$$eval('dialog.card-details .details-fields > .field', (fields) => fields.map((f) => f.dataset.field));
    const options = (field) => preview.page.$$eval(`dialog.card-details .field[data-field="${field}"] option`, (o) => o.map((x) => [x.value, x.textContent]));
    const boxes = (field) => preview.page.$$eval(`dialog.card-details .field[data-field="${field}"] input[type=checkbox]`, (b) => b.map((x) => [x.value, x.checked, x.parentElement.textContent.trim()]));

    it('Alt+Enter opens a modal panel with every field of the card’s block, focused on the first', async () => {
      await open();
      await press('Alt+Enter', card('customer-segments/riders'));
      const dialog = await preview.page.$eval('dialog.card-details', (d) => ({ open: d.open, modal: d.matches(':modal'), title: d.querySelector('h2').textContent, focus: document.activeElement.id }));
      assert.deepEqual(dialog, { open: true, modal: true, title: 'Details of Urban riders', focus: 'detail-id' });
      assert.deepEqual(await fieldLabels(), ['id', 'name', 'description', 'type', 'linked', 'segmentation', 'persona', 'size', 'growth', 'priority', 'checks', 'color', 'tags', 'status', 'notes']);
      assert.deepEqual(await preview.posted('reveal'), [], 'Alt+Enter is not Enter: the editor keeps away');
    });

    it('type and status are pickers of exactly the schema’s values (and Not set), showing the card’s', async () => {
      await open();
      await press('Alt+Enter', card('customer-segments/riders'));
      assert.deepEqual(await options('type'), [
        ['', 'Not set'], ['mass-market', 'Mass market'], ['niche-market', 'Niche market'], ['segmented', 'Segmented'], ['behavioral', 'Behavioral'],
        ['diversified', 'Diversified'], ['high-net-worth', 'High net worth'], ['multi-sided-platform', 'Multi-sided platform'],
      ]);
      assert.deepEqual(await options('status'), [['', 'Not set'], ['hypothesis', 'Hypothesis'], ['validated', 'Validated'], ['invalidated', 'Invalidated']]);
      assert.deepEqual(await preview.page.$eval('#detail-type', (s) => s.value), 'mass-market');
      await preview.page.selectOption('#detail-type', 'niche-market');
      await preview.page.selectOption('#detail-status', '');
      assert.deepEqual(await edits(), [
        { type: 'edit', id: 1, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'type', value: 'niche-market' } },
        { type: 'edit', id: 2, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'status', value: null } },
      ]);
    });

    it('references are picked from the existing ids of their block; written ids keep their order', async () => {
      await open();
      await press('Alt+Enter', card('value-propositions/both'));
      assert.deepEqual(await boxes('segments'), [['riders', true, 'Urban riders (riders)'], ['drivers', true, 'Licensed drivers (drivers)']]);
      await preview.page.uncheck('dialog.card-details .field[data-field="segments"] input[value="riders"]');
      await preview.page.check('dialog.card-details .field[data-field="segments"] input[value="riders"]');
      await preview.page.uncheck('dialog.card-details .field[data-field="segments"] input[value="drivers"]');
      assert.deepEqual(await intents(), [
        { command: 'setCardField', block: 'value-propositions', index: 2, field: 'segments', value: ['drivers'] },
        { command: 'setCardField', block: 'value-propositions', index: 2, field: 'segments', value: ['riders', 'drivers'] },
        { command: 'setCardField', block: 'value-propositions', index: 2, field: 'segments', value: ['riders'] },
      ]);
    });

    it('a written id the canvas lacks is kept as a choice, marked unknown', async () => {
      await open(SMALL.replace('segments: [riders]', 'segments: [ghost, riders]'));
      await press('Alt+Enter', card('value-propositions/fast'));
      assert.deepEqual(await boxes('segments'), [['riders', true, 'Urban riders (riders)'], ['drivers', false, 'Licensed drivers (drivers)'], ['ghost', true, 'ghost (unknown)']]);
      await preview.page.check('dialog.card-details .field[data-field="segments"] input[value="drivers"]');
      assert.deepEqual(await intents(), [{ command: 'setCardField', block: 'value-propositions', index: 0, field: 'segments', value: ['ghost', 'riders', 'drivers'] }]);
    });

    it('description is Markdown text, tags one per line, the name renames, size a number when it is one', async () => {
      await open();
      await press('Alt+Enter', card('customer-segments/riders'));
      assert.equal(await preview.page.$eval('#detail-description', (t) => t.tagName), 'TEXTAREA');
      assert.equal(await preview.page.$eval('#detail-tags', (t) => t.value), 'launch\nb2c');
      await preview.page.fill('#detail-description', 'Commuters in **Seoul**');
      await preview.page.fill('#detail-tags', 'launch\n\n  seoul \n');
      await preview.page.fill('#detail-name', 'City riders');
      await preview.page.fill('#detail-size', '120000');
      await preview.page.fill('#detail-growth', '5% a year');
      await preview.page.focus('#detail-notes'); // leaving a field commits it
      assert.deepEqual(await intents(), [
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'description', value: 'Commuters in **Seoul**' },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'tags', value: ['launch', 'seoul'] },
        { command: 'renameCard', block: 'customer-segments', index: 0, name: 'City riders' },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'size', value: 120000 },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'growth', value: '5% a year' },
      ]);
    });

    it('the segment colour is a native colour picker; Remove takes the field away', async () => {
      await open();
      await press('Alt+Enter', card('customer-segments/riders'));
      assert.deepEqual(await preview.page.$eval('#detail-color', (i) => [i.type, i.value]), ['color', '#2a9d8f']);
      await preview.page.$eval('#detail-color', (i) => {
        i.value = '#123abc';
        i.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await preview.page.click('dialog.card-details .field[data-field="color"] button.remove-value');
      assert.deepEqual(await intents(), [
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'color', value: '#123abc' },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'color', value: null },
      ]);
    });

    const OBJECTS = `canvas: business-model
title: T
customer-segments:
  - id: a
    name: A
    persona: { name: Min-ji, goals: [commute] }
    segmentation:
      - basis: geographic
        criteria: [Seoul, Busan]
      - basis: lifestage
    checks: { distinct: true }
`;
    /** An editor by its dotted path (ids hold dots: no #id selector). */
    const at = (field) => `dialog.card-details [id="detail-${field}"]`;
    const keys = (field) => preview.page.$$eval(`dialog.card-details .field[data-field="${field}"] .field`, (f) => f.map((x) => x.dataset.field));

    it('an object field (persona, checks) is a group with an editor per key from the schema; each change sets that key alone', async () => {
      await open(OBJECTS);
      await press('Alt+Enter', card('customer-segments/a'));
      assert.deepEqual(await keys('persona'), ['persona.name', 'persona.description', 'persona.goals', 'persona.motivations', 'persona.pains', 'persona.barriers']);
      assert.deepEqual(await keys('checks'), ['checks.homogeneous', 'checks.distinct', 'checks.substantial', 'checks.aligned', 'checks.identifiable', 'checks.reachable']);
      const group = await preview.page.$eval('dialog.card-details .field[data-field="persona"] > fieldset', (f) => ({ legend: f.querySelector('legend').textContent, labels: [...f.querySelectorAll('label')].map((l) => l.textContent) }));
      assert.deepEqual(group, { legend: 'Persona', labels: ['Persona name', 'Description', 'Goals One per line', 'Motivations One per line', 'Pains One per line', 'Barriers One per line'] });
      assert.deepEqual(
        await Promise.all(['persona.name', 'persona.description', 'persona.goals', 'checks.distinct', 'checks.reachable'].map((f) => preview.page.$eval(at(f), (e) => [e.tagName, e.value]))),
        [['INPUT', 'Min-ji'], ['TEXTAREA', ''], ['TEXTAREA', 'commute'], ['SELECT', 'true'], ['SELECT', '']],
      );
      assert.deepEqual(await options('checks.distinct'), [['', 'Not set'], ['true', 'true'], ['false', 'false']]);
      await preview.page.fill(at('persona.name'), 'Ji-woo');
      await preview.page.fill(at('persona.goals'), 'commute\n sleep more \n');
      await preview.page.fill(at('persona.description'), 'Works in **Gangnam**');
      await preview.page.focus(at('checks.distinct'));
      await preview.page.selectOption(at('checks.distinct'), 'false');
      await preview.page.selectOption(at('checks.reachable'), 'true');
      await preview.page.fill(at('persona.name'), '');
      await preview.page.focus(at('persona.pains')); // leaving a field commits it
      assert.deepEqual(await edits(), [
        { type: 'edit', id: 1, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'persona.name', value: 'Ji-woo' } },
        { type: 'edit', id: 2, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'persona.goals', value: ['commute', 'sleep more'] } },
        { type: 'edit', id: 3, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'persona.description', value: 'Works in **Gangnam**' } },
        { type: 'edit', id: 4, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'checks.distinct', value: false } },
        { type: 'edit', id: 5, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'checks.reachable', value: true } },
        { type: 'edit', id: 6, version: VERSION, intent: { command: 'setCardField', block: 'customer-segments', index: 0, field: 'persona.name', value: null } },
      ]);
      await answer(1, true);
      assert.equal((await status()).text, 'Set Persona: Persona name of A');
      await answer(6, true);
      assert.equal((await status()).text, 'Removed Persona: Persona name of A');
    });

    it('a list of objects (segmentation) is a group per entry with its keys’ editors; entries are added and removed', async () => {
      await open(OBJECTS);
      await press('Alt+Enter', card('customer-segments/a'));
      const entries = await preview.page.$$eval('dialog.card-details .field[data-field="segmentation"] fieldset.field-entry', (rows) =>
        rows.map((r) => ({ legend: r.querySelector('legend').textContent, fields: [...r.querySelectorAll('.field')].map((f) => f.dataset.field), remove: r.querySelector('button.remove-entry').textContent })),
      );
      assert.deepEqual(entries, [
        { legend: 'Segmentation, entry 1', fields: ['segmentation.0.basis', 'segmentation.0.criteria', 'segmentation.0.description'], remove: 'Remove entry 1 of Segmentation' },
        { legend: 'Segmentation, entry 2', fields: ['segmentation.1.basis', 'segmentation.1.criteria', 'segmentation.1.description'], remove: 'Remove entry 2 of Segmentation' },
      ]);
      // The basis is required: its picker has no "Not set".
      assert.deepEqual((await options('segmentation.0.basis')).slice(0, 3), [['geographic', 'Geographic'], ['demographic', 'Demographic'], ['psychographic', 'Psychographic']]);
      assert.equal((await options('segmentation.0.basis')).length, 11);
      assert.deepEqual(await Promise.all(['segmentation.0.basis', 'segmentation.0.criteria', 'segmentation.1.basis', 'segmentation.1.criteria'].map((f) => preview.page.$eval(at(f), (e) => e.value))), ['geographic', 'Seoul\nBusan', 'lifestage', '']);
      await preview.page.selectOption(at('segmentation.1.basis'), 'value');
      await preview.page.fill(at('segmentation.0.criteria'), 'Seoul');
      await preview.page.focus(at('segmentation.0.description'));
      await preview.page.click('dialog.card-details button.add-entry');
      await preview.page.click('dialog.card-details fieldset.field-entry[data-entry="0"] button.remove-entry');
      assert.equal(await preview.page.$eval('dialog.card-details button.add-entry', (b) => b.textContent), 'Add an entry to Segmentation');
      assert.deepEqual(await intents(), [
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'segmentation.1.basis', value: 'value' },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'segmentation.0.criteria', value: ['Seoul'] },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'segmentation.2', value: { basis: 'geographic' } },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'segmentation.0', value: null },
      ]);
      await answer(3, true);
      assert.equal((await status()).text, 'Set Segmentation, entry 3 of A');
      await answer(4, true);
      assert.equal((await status()).text, 'Removed Segmentation, entry 1 of A');
    });

    it('a card without object values: empty editors, and the first entry of a list is added at index 0; another kind’s fields (a pain’s severity)', async () => {
      await open('canvas: business-model\ntitle: T\ncustomer-segments:\n  - Night owls\n');
      await press('Alt+Enter', card('customer-segments/customer-segments#0'));
      assert.equal(await preview.page.$$eval('dialog.card-details fieldset.field-entry', (r) => r.length), 0);
      assert.equal(await preview.page.$eval(at('persona.name'), (i) => i.value), '');
      await preview.page.fill(at('persona.name'), 'Owl');
      await preview.page.click('dialog.card-details button.add-entry');
      assert.deepEqual(await intents(), [
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'persona.name', value: 'Owl' },
        { command: 'setCardField', block: 'customer-segments', index: 0, field: 'segmentation.0', value: { basis: 'geographic' } },
      ]);
      await preview.page.keyboard.press('Escape');
      await open(VPC);
      const pain = await preview.page.$eval('section[data-block="pains"] li.card', (li) => li.dataset.key);
      await press('Alt+Enter', card(pain));
      assert.deepEqual(await options('severity'), [['', 'Not set'], ['low', 'Low'], ['medium', 'Medium'], ['high', 'High']]);
    });

    it('keeps the focus and what is typed in a key’s editor when an update redraws the panel', async () => {
      await open(OBJECTS);
      await press('Alt+Enter', card('customer-segments/a'));
      await preview.page.focus(at('persona.pains'));
      await preview.page.keyboard.type('rain');
      await preview.post(viewMessage(await viewOf(OBJECTS.replace('name: A', 'name: B'), VERSION + 1)));
      assert.deepEqual(await preview.page.evaluate(() => [document.activeElement.id, document.activeElement.value]), ['detail-persona.pains', 'rain']);
    });

    it('the details button opens it too; Escape and Close return the focus to the card', async () => {
      await open();
      await preview.page.hover(card('channels/app'));
      await preview.page.click(`${card('channels/app')} .card-action.details`);
      assert.equal(await preview.page.$eval('dialog.card-details', (d) => d.open), true);
      await preview.page.keyboard.press('Escape');
      assert.equal(await preview.page.$eval('dialog.card-details', (d) => d.open), false);
      await focusReturnsTo('channels/app');
      await press('Alt+Enter', card('channels/app'));
      await preview.page.click('button.close-details');
      await focusReturnsTo('channels/app');
      assert.deepEqual(await edits(), []);
    });

    it('stays on the card when its id (its key) is changed from the panel', async () => {
      await open();
      await press('Alt+Enter', card('channels/app'));
      await preview.page.fill('#detail-id', 'mobile-app');
      await preview.page.focus('#detail-name');
      assert.deepEqual(await intents(), [{ command: 'setCardField', block: 'channels', index: 0, field: 'id', value: 'mobile-app' }]);
      await preview.post(viewMessage(await viewOf(SMALL.replace('id: app', 'id: mobile-app'), VERSION + 1)));
      assert.deepEqual(await preview.page.$eval('dialog.card-details', (d) => [d.open, d.querySelector('#detail-id').value]), [true, 'mobile-app']);
      await preview.page.keyboard.press('Escape');
      await focusReturnsTo('channels/mobile-app');
    });

    it('follows updates while open (the card as it is now) and closes when the card is gone', async () => {
      await open();
      await press('Alt+Enter', card('channels/app'));
      await preview.post(viewMessage(await viewOf(SMALL.replace('name: App', 'name: Mobile app'), VERSION + 1)));
      assert.equal(await preview.page.$eval('#detail-name', (i) => i.value), 'Mobile app');
      await preview.post(viewMessage(await viewOf(SMALL.replace(/channels:[\s\S]*$/, ''), VERSION + 2)));
      assert.equal(await preview.page.$eval('dialog.card-details', (d) => d.open), false);
    });
  });

  describe('answers, undo and the outdated view', () => {
    it('a refused edit shows and announces the host’s reason', async () => {
      await open();
      await press('Delete', card('channels/app'));
      await answer(1, false, 'The document changed since (version 5): the edit was not applied.');
      assert.deepEqual(await status(), { text: 'Not changed: The document changed since (version 5): the edit was not applied.', role: 'status', live: 'polite', error: true });
    });

    it('records each answered edit for the benchmark', async () => {
      await open();
      await press('Delete', card('channels/app'));
      await applied(1);
      await press('F2', card('value-propositions/fast'));
      await preview.page.keyboard.type('!');
      await preview.page.keyboard.press('Enter');
      await answer(2, false, 'no');
      await answer(7, true); // not ours: ignored
      const timings = await preview.page.evaluate(() => window.__canvasAsCodeTimings);
      const sent = Object.fromEntries((await preview.posted('edit')).map((m) => [m.id, m.sentAt]));
      assert.deepEqual(timings, { updates: timings.updates, edits: [{ id: 1, sentAt: sent[1], appliedAt: 1001, ok: true }, { id: 2, sentAt: sent[2], appliedAt: 1002, ok: false }] });
      assert.ok(Math.abs(sent[1] - Date.now()) < 60_000, 'epoch milliseconds');
    });

    it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, and the buttons do the same; in a text field the keys are the field’s', async () => {
      await open();
      await preview.page.focus(card('channels/app'));
      await preview.page.keyboard.press('Control+z');
      await preview.page.keyboard.press('Control+Shift+Z');
      await preview.page.keyboard.press('Control+y');
      await preview.page.click('.editing-bar .editing-undo');
      await preview.page.click('.editing-bar .editing-redo');
      await preview.page.click('section[data-block="channels"] > button.add-card');
      await preview.page.keyboard.press('Control+z');
      const posted = (await preview.posted()).filter((m) => m.type === 'undo' || m.type === 'redo').map((m) => m.type);
      assert.deepEqual(posted, ['undo', 'redo', 'redo', 'undo', 'redo']);
      assert.equal((await status()).text, 'Redo');
    });

    it('while the view is outdated editing is off: the reason is shown, no gesture sends anything, undo still works', async () => {
      await open();
      await preview.post(viewMessage(await viewOf(SMALL, VERSION + 1), { outdated: true }));
      const off = await preview.page.$eval('.editing-off', (p) => ({ hidden: p.hidden, text: p.textContent, role: p.getAttribute('role') }));
      assert.deepEqual(off, { hidden: false, text: L.disabled, role: 'status' });
      assert.equal(await preview.page.$eval('section[data-block="channels"] > button.add-card', (b) => b.disabled && getComputedStyle(b).display === 'none'), true);
      await press('F2', card('channels/app'));
      await press('Delete', card('channels/app'));
      await press('Alt+ArrowDown', card('value-propositions/fast'));
      await press('Alt+Enter', card('value-propositions/fast'));
      await press('Alt+n', card('value-propositions/fast'));
      await preview.page.mouse.move(10, 10);
      assert.deepEqual(await edits(), []);
      assert.equal(await preview.page.$eval('dialog.card-details', (d) => d.open), false);
      assert.deepEqual(await status(), { text: L.disabled, role: 'status', live: 'polite', error: true });
      await preview.page.keyboard.press('Control+z');
      assert.deepEqual((await preview.posted('undo')).length, 1);
      // Fixed: on again.
      await preview.post(viewMessage(await viewOf(SMALL, VERSION + 2)));
      assert.equal(await preview.page.$eval('.editing-off', (p) => p.hidden), true);
      await press('Delete', card('channels/app'));
      assert.deepEqual(await edits(), [{ type: 'edit', id: 1, version: VERSION + 2, intent: { command: 'deleteCard', block: 'channels', index: 0 } }]);
    });

    it('the key help lists every key', async () => {
      await open();
      const keys = await preview.page.$$eval('.editing-keys li', (l) => l.map((x) => x.textContent));
      assert.deepEqual(keys, [L.keyAdd, L.keyRename, L.keyDetails, L.keyDelete, L.keyReorder, L.keyMove, L.keyDrag, L.keyTouch, L.keyUndo]);
      await preview.page.hover(card('channels/app'));
      const titles = await preview.page.$$eval(`${card('channels/app')} .card-actions .card-action`, (b) => b.map((x) => x.title));
      assert.deepEqual(titles, [L.rename, L.details, L.delete]);
    });

    it('card text with HTML and script stays text: in the rename field, the panel, the intents and the announcements', async () => {
      const evil = `<img src=x onerror="window.__xss.push('name')">{1}`;
      await open(`canvas: business-model\ntitle: T\nchannels:\n  - id: evil\n    name: '${evil.replace(/'/g, "''")}'\n    description: '<script>window.__xss.push("d")</script>'\n`);
      await press('F2', card('channels/evil'));
      assert.equal(await preview.page.$eval('input.rename-card', (i) => i.value), evil);
      await preview.page.keyboard.press('End');
      await preview.page.keyboard.type('<b>');
      await preview.page.keyboard.press('Enter');
      await applied(1);
      assert.equal((await status()).text, `Renamed ${evil} to ${evil}<b>`);
      await press('Alt+Enter', card('channels/evil'));
      const panel = await preview.page.$eval('dialog.card-details', (d) => ({ title: d.querySelector('h2').textContent, description: d.querySelector('#detail-description').value, imgs: d.querySelectorAll('img, script').length }));
      assert.deepEqual(panel, { title: `Details of ${evil}`, description: '<script>window.__xss.push("d")</script>', imgs: 0 });
      assert.deepEqual(await intents(), [{ command: 'renameCard', block: 'channels', index: 0, name: `${evil}<b>` }]);
      assert.deepEqual(await preview.page.evaluate(() => window.__xss), []);
      assert.equal(await preview.page.$$eval('.editing-bar img, .editing-bar script, li.card img', (x) => x.length), 0);
    });
  });
});
