// The desktop launcher: @vscode/test-electron's runTests on a downloaded (cached) VS Code. Used
// when a VS Code build can be had and shown; the offline launcher covers every other machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { repoRoot, VERSIONS } from '../../../scripts/vscode-runtime.mjs';

// The VS Code that code-server embeds: both launchers test against the same release.
const VSCODE_VERSION = VERSIONS.vscode;
const DOWNLOAD_DEADLINE_MS = 120_000;

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));

/**
 * The path of a desktop VS Code to test with, or the reason there is none. Never throws: any
 * failure means "use the offline launcher".
 * @returns {Promise<{ executable: string } | { reason: string }>}
 */
export async function findDesktop() {
  if (process.env.CANVAS_TEST_OFFLINE === '1') return { reason: 'CANVAS_TEST_OFFLINE=1' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: `no display for a desktop window${onPath('xvfb-run') ? ' (run under xvfb-run to use one)' : ''}` };
  }
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_DEADLINE_MS / 1000} s`)), DOWNLOAD_DEADLINE_MS);
  });
  try {
    const download = downloadAndUnzipVSCode({
      version: VSCODE_VERSION,
      cachePath: join(repoRoot, '.vscode-test', 'desktop'),
      timeout: DOWNLOAD_DEADLINE_MS,
    });
    return { executable: await Promise.race([download, deadline]) };
  } catch (error) {
    return { reason: `VS Code ${VSCODE_VERSION} could not be downloaded (${String(error?.message ?? error).split('\n')[0]})` };
  } finally {
    clearTimeout(timer);
  }
}

/** Install a .vsix into `extensionsDir` with the desktop CLI. */
export function installVsixDesktop(executable, vsix, extensionsDir) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const r = spawnSync(cli, [...args, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

/** Same contract as runInCodeServer: resolve with the exit code. */
export async function runInElectron({ executable, developmentPath, testsPath, workspace, developmentKind, extensionsDir, testEnv = {}, print }) {
  const state = mkdtempSync(join(tmpdir(), 'canvas-desktop-'));
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: testsPath,
      extensionTestsEnv: testEnv,
      launchArgs: [
        workspace,
        '--user-data-dir', join(state, 'user-data'),
        '--extensions-dir', extensionsDir ?? join(state, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        ...(developmentKind ? [`--extensionDevelopmentKind=${developmentKind}`] : []),
      ],
    });
  } catch (error) {
    print(`desktop VS Code run failed: ${error?.message ?? error}`);
    return 1;
  }
}
