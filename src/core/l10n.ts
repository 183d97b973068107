/**
 * The one translator of the core. Every user-facing English text (message templates, quick-fix
 * titles, the vocabulary's titles, descriptions and labels) is looked up here by its English text,
 * the key vscode.l10n's bundles use (l10n/bundle.l10n.<locale>.json). The host installs a catalogue
 * (the extension: the bundle VS Code loaded; the CLI: the JSON it carries); without one, English.
 *
 * Falls back to English per string: a missing, empty or non-string translation, or one whose `{n}`
 * placeholders differ from the English (it would drop or invent an argument), is never used, so a
 * user never sees an id, an empty string or a broken sentence. Pure: no vscode, no node.
 */

let catalogue: ReadonlyMap<string, string> | undefined;
let language: string | undefined;
let generation = 0;

const PLACEHOLDER = /\{(\d+)\}/g;

/** The `{n}` placeholders of a text, sorted, as one string ("0,1,1"), to compare two texts by. */
export function placeholdersOf(text: string): string {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1])
    .sort()
    .join(',');
}

/** Keeps the translations that can stand in for their English text (see the file comment). */
function usableEntries(entries: Readonly<Record<string, unknown>>): Map<string, string> {
  const usable = new Map<string, string>();
  for (const [english, translated] of Object.entries(entries)) {
    if (typeof translated !== 'string' || translated.trim() === '' || translated === english) continue;
    if (placeholdersOf(translated) !== placeholdersOf(english)) continue;
    usable.set(english, translated);
  }
  return usable;
}

/**
 * Installs a catalogue (English text -> translation), or English again with `undefined`. Anything
 * not a plain object (a bundle that failed to parse) counts as no catalogue. `languageTag` (BCP 47,
 * e.g. `ko`) is the catalogue's language, for what says which language a text is in (HTML `lang`).
 */
export function setCatalogue(entries: Readonly<Record<string, unknown>> | undefined | null, languageTag?: string): void {
  const usable = entries && typeof entries === 'object' && !Array.isArray(entries) ? usableEntries(entries) : undefined;
  catalogue = usable && usable.size ? usable : undefined;
  language = catalogue && languageTag && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(languageTag) ? languageTag.toLowerCase() : undefined;
  generation++;
}

/** The installed catalogue's language tag, when one is installed and it was given. */
export function catalogueLanguage(): string | undefined {
  return language;
}

/** True when a catalogue with at least one usable translation is installed. */
export function hasCatalogue(): boolean {
  return catalogue !== undefined;
}

/**
 * Changes whenever a catalogue is installed: what the core derives from translated texts once (the
 * kinds' localized schemas) is rebuilt when it differs.
 */
export function catalogueGeneration(): number {
  return generation;
}

/** The template in the installed catalogue's language (English when it has no usable entry). */
export function lookup(english: string): string {
  return catalogue?.get(english) ?? english;
}

/** Fills `{n}` with args[n] (a placeholder without an argument stays as written). */
export function fillTemplate(template: string, args: readonly unknown[] = []): string {
  if (args.length === 0 || !template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, index: string) => {
    const arg = args[Number(index)];
    return arg === undefined ? whole : String(arg);
  });
}

/** The translated template, filled. */
export function translate(english: string, args: readonly unknown[] = []): string {
  return fillTemplate(lookup(english), args);
}
