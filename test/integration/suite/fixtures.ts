// The fixture workspace the launcher copies for each session: examples/ (valid canvases) and
// broken/ (each canvas beside its <name>.expected.json). Discovered once, before the test files
// load, so that every fixture becomes a test of its own.
import * as vscode from 'vscode';
import { type Problem, readText, workspaceRoot } from './canvas';

export interface Fixture {
  name: string;
  uri: vscode.Uri;
  expected: Problem[];
}

export const fixtures: { examples: Fixture[]; broken: Fixture[] } = { examples: [], broken: [] };

const CANVAS = /\.canvas\.ya?ml$/;

async function canvasesIn(folder: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([name, type]) => type === vscode.FileType.File && CANVAS.test(name)).map(([name]) => name).sort();
  } catch {
    return []; // the folder is optional
  }
}

export async function discoverFixtures(): Promise<void> {
  const root = workspaceRoot();
  const examples = vscode.Uri.joinPath(root, 'examples');
  const broken = vscode.Uri.joinPath(root, 'broken');
  fixtures.examples = (await canvasesIn(examples)).map((name) => ({ name, uri: vscode.Uri.joinPath(examples, name), expected: [] }));
  fixtures.broken = await Promise.all(
    (await canvasesIn(broken)).map(async (name) => {
      const expectedUri = vscode.Uri.joinPath(broken, name.replace(CANVAS, '.expected.json'));
      const expected = JSON.parse(await readText(expectedUri)) as Problem[];
      return { name, uri: vscode.Uri.joinPath(broken, name), expected };
    }),
  );
}
