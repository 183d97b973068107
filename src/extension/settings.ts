import * as vscode from 'vscode';
import { mergeSeverities } from '../core';
import type { SeverityOverrides, ValidationOptions } from '../core';
import type { ConfigFiles } from './configFile';

export const SECTION = 'canvasAsCode';

/** Set by activation: the .canvas-as-code.yaml files (configFile.ts). */
let configFiles: ConfigFiles | undefined;

export function useConfigFiles(files: ConfigFiles | undefined): void {
  configFiles = files;
}

/** What the user set for a setting (user, workspace, folder), without the default. */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const seen = config.inspect<T>(key);
  return seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
}

/**
 * The validation options for a canvas (read per call: settings can be per folder). Rule severities:
 * the nearest .canvas-as-code.yaml's `rules`, with the canvasAsCode.rules setting on top, rule by
 * rule (the setting is a personal override). Size limit: canvasAsCode.maxFileSizeKB if the user set
 * it, else the file's `max-file-size`, else 4096 KB.
 */
export function validationOptions(scope?: vscode.ConfigurationScope): ValidationOptions {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  // Only what the user set (user, workspace, folder; an object setting merges them), not defaults.
  const seen = config.inspect<SeverityOverrides>('rules');
  const personal: SeverityOverrides = { ...seen?.globalValue, ...seen?.workspaceValue, ...seen?.workspaceFolderValue };
  const uri = scope instanceof vscode.Uri ? scope : undefined;
  const found = uri && configFiles ? configFiles.lookup(uri) : null;
  // Not looked up yet: start now; onDidChange revalidates when it is known.
  if (found === undefined && uri) void configFiles?.load(uri);
  const file = found?.config;
  const severities = file ? mergeSeverities(file.rules, personal) : personal;
  const maxKb = userValue<number>(config, 'maxFileSizeKB') ?? file?.maxFileSizeKB ?? config.get<number>('maxFileSizeKB') ?? 4096;
  return { severities, maxLength: maxKb > 0 ? maxKb * 1024 : undefined };
}
