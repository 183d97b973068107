import * as vscode from 'vscode';
import { registerBmmlCommands } from './bmmlCommands';
import { DiagnosticsController } from './diagnosticsController';
import { ConfigFiles } from './configFile';
import { CanvasDocumentCache } from './documentCache';
import { registerEditingCommands } from './editing/commands';
import { registerHealth } from './health';
import { registerLinks } from './links';
import { registerNewCanvas } from './newCanvas';
import { registerPreview } from './preview';
import { previewLinks } from './preview/segmentLinks';
import { registerCodeActions } from './providers/codeActions';
import { registerCompletion } from './providers/completion';
import { registerHover } from './providers/hover';
import { registerNavigation } from './providers/navigation';
import { registerRename } from './providers/rename';
import { registerSemanticTokens } from './providers/semanticTokens';
import { useConfigFiles } from './settings';
import { DIAGNOSTIC_SOURCE } from './toVscode';
import { VALIDATE_WORKSPACE_COMMAND, validateWorkspace } from './validateWorkspace';

/** The composition root shared by the Node and the web-worker hosts. */
export function activateCanvasAsCode(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  // .canvas-as-code.yaml (configFile.ts): read before the first validation asks for it; when one
  // is first read or changes, every open canvas is validated again with its rules.
  const configFiles = new ConfigFiles();
  useConfigFiles(configFiles);
  const cache = new CanvasDocumentCache();
  const links = registerLinks(cache);
  const diagnostics = new DiagnosticsController(collection, cache, (document, result) => links.diagnostics.diagnosticsFor(document, result));
  context.subscriptions.push(
    configFiles,
    { dispose: () => useConfigFiles(undefined) },
    configFiles.onDidChange(() => {
      cache.clear();
      diagnostics.validateAllOpen();
    }),
    collection,
    cache,
    diagnostics,
    links,
    // A business model changed (edited, or on disk): the canvases linking to it are checked again.
    links.diagnostics.onDidInvalidate((uris) => {
      for (const uri of uris) {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) diagnostics.validateNow(document);
      }
    }),
    registerCompletion(cache),
    registerHover(cache),
    registerNavigation(cache),
    registerRename(cache, links.rename),
    registerCodeActions(cache),
    registerSemanticTokens(cache),
    registerPreview(context, cache, previewLinks(cache, links.workspace)),
    registerNewCanvas(),
    registerBmmlCommands(),
    registerEditingCommands(cache, links.rename),
    // The status bar counts the link problems published with the validation's, as the Problems view does.
    registerHealth(cache, (document) => links.diagnostics.lastFor(document), diagnostics.onDidValidate),
    vscode.commands.registerCommand(VALIDATE_WORKSPACE_COMMAND, async () => {
      try {
        const problems = await validateWorkspace(collection, (uri, result) => links.diagnostics.diagnosticsForFile(uri, result));
        return problems;
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Canvas validation failed: {0}', String(error)));
        return undefined;
      }
    }),
  );
}
