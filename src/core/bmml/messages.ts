/**
 * What BMML import and export say, as English templates ({0}, {1}: arguments), so that the hosts can
 * translate them (scripts/export-l10n.mjs picks up every exported *MESSAGES table of the core).
 */
export const BMML_MESSAGES = {
  tooLarge: 'file too large ({0} KB; the limit is {1} KB)',
  notText: 'not a text file (it holds a NUL byte)',
  tooDeep: 'nested too deeply to be read',
  yamlError: 'not valid YAML: {0}',
  aliasBomb: 'the YAML expands to too much data (more than {0} aliases resolved)',
  empty: 'the file holds no BMML (it is empty)',
  notMapping: 'a BMML file is a YAML mapping (version, meta, customer_segments, …); this one is {0}',
  version1: 'this is a BMML v1 file ({0}); import reads BMML v2. Convert it with BMML\'s own tool first: "bmml migrate {1}" prints the v2 file ("bmml migrate --in-place {1}" rewrites it)',
  otherVersion: 'BMML version {0} is not supported; import reads version "2.0" (a v1 file converts with "bmml migrate {1}")',
  noVersion: 'no version: read as BMML v2 (BMML requires version: "2.0")',
  duplicateId: 'the id "{0}" is used twice (first on line {1}); ids must be unique, so which one a link means is unknown',
  dangling: '{0} names "{1}", which is no {2} of this file (kept as written)',
  unknownSection: 'unknown section "{0}" (not BMML v2): kept under x-bmml',
  notList: '"{0}" is not a list: kept under x-bmml',
  notEntry: 'an entry of {0} is not a mapping: kept under x-bmml',
  noName: '{0} has no name: its id is used as its name',
  unplacedMapping: 'the fit mapping [{0}, {1}] pairs no pain reliever with a pain or gain creator with a gain of the fit\'s value proposition and segment: kept under x-bmml',
  noFitPair: 'the fit {0} names no value proposition and segment pair: kept under x-bmml',
  // export
  notCanvas: 'no canvas could be read: {0}',
  notBusinessModel: 'export bmml starts from a business-model canvas; this one is "{0}"',
  schemaFailed: 'the BMML written would not pass BMML\'s v2 schema (at {0}: {1}); nothing was written',
  reparseFailed: 'the BMML written would not read back as written (at {0}); nothing was written',
  noField: 'BMML v2 has no {0} on {1}',
  extensionKey: 'an extension key (only x-bmml is exported)',
  danglingRef: 'names no {0} of the exported model',
  conflict: 'differs from the copy kept from {0}',
  noHome: '{0} links to no {1} of the business model',
  xbmmlOverridden: 'x-bmml holds a value that the canvas\'s own field replaces',
  notInSchema: 'BMML v2\'s schema allows no such key (import kept it under x-bmml)',
  vpcTitle: 'the title of a value-proposition canvas (BMML has no such title)',
  defaulted: 'meta.{0} set to "{1}": BMML requires it (set x-bmml: {meta: {{0}: …}} to choose)',
  renamedId: '{0} id "{1}" written as "{2}" (BMML ids start with "{3}")',
  addedId: '{0} "{1}" has no id: written as "{2}"',
  linkRefused: '{0} is not exported with this business model: its business-model path is refused. {1}',
} as const;

export type BmmlMessage = keyof typeof BMML_MESSAGES;

/** One problem of an import or export, with where it is when known (1-based line and column). */
export interface BmmlProblem {
  severity: 'error' | 'warning';
  /** The BMML_MESSAGES key, for hosts that translate. */
  key: BmmlMessage;
  args: string[];
  /** English text. */
  message: string;
  line?: number;
  column?: number;
}

export function formatBmml(key: BmmlMessage, args: readonly string[]): string {
  return BMML_MESSAGES[key].replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

export function bmmlProblem(severity: BmmlProblem['severity'], key: BmmlMessage, args: string[], at?: { line: number; column: number }): BmmlProblem {
  return { severity, key, args, message: formatBmml(key, args), ...(at ? { line: at.line, column: at.column } : {}) };
}
