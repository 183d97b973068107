/**
 * `import bmml`: one BMML v2 file -> a business-model canvas and the value-proposition canvases
 * beside it (see importValueProposition.ts for which), as canvas YAML texts with names relative to
 * the business model's folder. Nothing is dropped: what has no field of ours is kept under x-bmml
 * (listed in `kept`). Refused (no files, an error in `problems`) when the file is not BMML v2 that
 * can be read: not YAML, not a mapping, v1, too large, duplicate ids.
 */
import { visibleText } from '../visibleText';
import { canvasYaml } from './canvasYaml';
import { baseName, stemOf, UniqueNames } from './ids';
import { businessModelCanvas } from './importBusinessModel';
import { ImportContext, KeptValue } from './importContext';
import { planCanvases, valuePropositionCanvas } from './importValueProposition';
import type { BmmlProblem } from './messages';
import { readBmml } from './readBmml';

export type { KeptValue } from './importContext';

export interface ImportedCanvas {
  /** The file name, relative to the business model's folder (the business model is first). */
  name: string;
  kind: 'business-model' | 'value-proposition';
  text: string;
}

export interface BmmlImportResult {
  /** Empty when the import is refused. */
  files: ImportedCanvas[];
  kept: KeptValue[];
  /** Errors (the import is refused) and warnings (dangling links, unknown sections, ...), in file order. */
  problems: BmmlProblem[];
}

export interface BmmlImportOptions {
  /** The BMML file's name: names the output by default and is quoted in messages. */
  fileName: string;
  /** The business-model canvas's file name (default: the BMML file's stem + .canvas.yaml); only its last segment is used. */
  output?: string;
  /** Refuse a text longer than this many characters (the hosts' file size limit). */
  maxLength?: number;
}

export function importBmml(text: string, options: BmmlImportOptions): BmmlImportResult {
  const read = readBmml(text, options);
  if (!read.data || read.problems.some((p) => p.severity === 'error')) return { files: [], kept: [], problems: read.problems };
  const ctx = new ImportContext(read, read.data);
  ctx.problems.push(...read.problems);
  if (!ctx.collectIds()) return { files: [], kept: [], problems: ctx.problems.filter((p) => p.severity === 'error') };

  const bmName = options.output ? baseName(options.output) : `${stemOf(options.fileName)}.canvas.yaml`;
  const stem = stemOf(bmName);
  const header = ` Imported from ${visibleText(baseName(options.fileName))} (BMML v2) by canvas-as-code import bmml.\n What has no field here is kept under x-bmml, so that export bmml restores it.`;
  const plan = planCanvases(ctx, bmName);
  const names = new UniqueNames([stem]);
  const vpcNames = plan.canvases.map((c) => `${names.take(`${stem}.${c.suffix}`)}.canvas.yaml`);
  const businessModel = businessModelCanvas(ctx, bmName, stem, plan.fits, plan.served);
  const files: ImportedCanvas[] = [{ name: bmName, kind: 'business-model', text: canvasYaml(businessModel, header) }];
  plan.canvases.forEach((planned, i) => {
    const canvas = valuePropositionCanvas(ctx, planned, vpcNames[i], bmName);
    files.push({ name: vpcNames[i], kind: 'value-proposition', text: canvasYaml(canvas, header) });
  });
  const byLine = (a: { line?: number }, b: { line?: number }) => (a.line ?? 0) - (b.line ?? 0);
  return { files, kept: ctx.kept, problems: ctx.problems.sort(byLine) };
}
