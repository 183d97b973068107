import * as vscode from 'vscode';
import type { SeverityOverrides, ValidationOptions } from '../core';

export const SECTION = 'canvasAsCode';

/** The validation options the user's settings ask for (read per call: settings can be per folder). */
export function validationOptions(scope?: vscode.ConfigurationScope): ValidationOptions {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const severities = config.get<SeverityOverrides>('rules') ?? {};
  const maxKb = config.get<number>('maxFileSizeKB') ?? 4096;
  return { severities, maxLength: maxKb > 0 ? maxKb * 1024 : undefined };
}
