// The workbench benchmark's floor (`node bench/workbench.mjs --floor`): a "preview" that does the
// least any preview must do for a key typed into a card's name: on each change event it posts the
// changed line as it is, and the page writes it into one element. No parsing, no view, no patch.
// What the benchmark measures with it (change in the extension host -> painted) is what this
// workbench costs before any preview's own work: the message's trip through code-server's
// renderer into the webview, and the frame. It answers the agent's two commands the way Canvas as
// Code does (showPreviewToSide, preview._state), so bench/workbench/host.cjs drives it unchanged.
'use strict';
const vscode = require('vscode');

const now = () => performance.timeOrigin + performance.now();

exports.activate = (context) => {
  /** @type {{ panel: vscode.WebviewPanel, uri: vscode.Uri, ready: boolean, renderedVersion?: number } | undefined} */
  let preview;
  context.subscriptions.push(
    vscode.commands.registerCommand('canvasAsCode.showPreviewToSide', async (uri) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const panel = vscode.window.createWebviewPanel('canvasAsCodeFloor', 'Floor', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true });
      preview = { panel, uri, ready: false };
      const line = document.getText().split('\n').find((l) => /^ {4}name: Bench target/.test(l)) ?? '';
      const init = JSON.stringify({ uri: uri.toString(), version: document.version, name: line.replace(/^ {4}name: /, '') }).replace(/"/g, '&quot;');
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">
<meta id="canvas-preview-init" data-init="${init}"></head>
<body><div class="card" tabindex="0"><h3 class="card-name"></h3></div><script>
const vscode = acquireVsCodeApi();
const init = JSON.parse(document.getElementById('canvas-preview-init').dataset.init);
const name = document.querySelector('.card-name');
name.textContent = init.name;
const now = () => performance.timeOrigin + performance.now();
window.__canvasAsCodeTimings = { updates: [], edits: [] };
const sent = [];
window.addEventListener('message', (e) => {
  const m = e.data;
  const receivedAt = now();
  if (m.type === 'edited') {
    // Recorded once answered, as Canvas as Code's page does (src/webview/editing/timings.ts).
    window.__canvasAsCodeTimings.edits.push({ id: m.n, sentAt: sent[m.n], appliedAt: now(), ok: m.ok });
    return;
  }
  if (m.name !== undefined) name.textContent = m.name;
  requestAnimationFrame(() => setTimeout(() => {
    if (m.name !== undefined) window.__canvasAsCodeTimings.updates.push({ version: m.version, changeAt: m.changeAt, postedAt: m.postedAt, receivedAt, paintedAt: now() });
    vscode.postMessage({ type: 'rendered', version: m.version });
  }));
});
// A gesture: Alt+Down / Alt+Up on the card asks the host for a one-line edit (see 'edit' below).
document.querySelector('.card').addEventListener('keydown', (e) => {
  if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
  e.preventDefault();
  sent.push(now());
  vscode.postMessage({ type: 'edit', n: sent.length - 1, down: e.key === 'ArrowDown' });
});
vscode.postMessage({ type: 'ready', version: init.version });
</script></body></html>`;
      panel.webview.onDidReceiveMessage(async (m) => {
        if (m.type === 'edit') {
          // The least edit a gesture makes: a comment line added at the end (Alt+Down) or removed
          // (Alt+Up), one WorkspaceEdit as Canvas as Code's gestures apply theirs.
          const doc = await vscode.workspace.openTextDocument(uri);
          const edit = new vscode.WorkspaceEdit();
          const end = doc.positionAt(doc.getText().length);
          const last = doc.lineAt(doc.lineCount - 1).text === '# floor' ? doc.lineAt(doc.lineCount - 1) : undefined;
          if (m.down || !last) edit.insert(uri, end, `${doc.getText().endsWith('\n') ? '' : '\n'}# floor`);
          else edit.delete(uri, new vscode.Range(doc.lineAt(doc.lineCount - 2).range.end, last.range.end));
          const ok = await vscode.workspace.applyEdit(edit);
          void panel.webview.postMessage({ type: 'edited', n: m.n, ok });
          return;
        }
        if (m.type === 'ready') preview.ready = true;
        preview.renderedVersion = m.version;
      });
      panel.onDidDispose(() => (preview = undefined));
    }),
    vscode.commands.registerCommand('canvasAsCode.preview._state', () => ({
      previews: preview ? [{ uri: preview.uri.toString(), ready: preview.ready, renderedVersion: preview.renderedVersion }] : [],
    })),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!preview || e.document.uri.toString() !== preview.uri.toString() || !e.contentChanges.length) return;
      const changeAt = now();
      const text = e.document.lineAt(e.contentChanges[0].range.start.line).text;
      // A key typed into the name posts the name; any other change only its version (drawn, acknowledged).
      const name = /^ {4}name: /.test(text) ? text.replace(/^ {4}name: /, '') : undefined;
      void preview.panel.webview.postMessage({ version: e.document.version, name, changeAt, postedAt: now() });
    }),
  );
};
