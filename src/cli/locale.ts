/**
 * The CLI's language: `--locale ko`, else the POSIX locale variables (LC_ALL, then LC_MESSAGES,
 * then LANG: the first one set and not empty decides, as setlocale does), else English. The
 * catalogue is the extension's own, l10n/bundle.l10n.<locale>.json, bundled into the CLI by esbuild
 * (no second copy of any string); it is installed into the core's translator (src/core/l10n.ts),
 * so diagnostics, diff and review texts, the vocabulary's words and the CLI's own messages
 * (CLI_MESSAGES) come out in that language. A locale with no catalogue (C, POSIX, fr_FR…) is English.
 */
import ko from '../../l10n/bundle.l10n.ko.json';
import nlsKo from '../../package.nls.ko.json';
import { setCatalogue } from '../core/l10n';

/** The catalogues the CLI carries, by language code. English needs none: its texts are the keys. */
const CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = { ko };

/**
 * The manifest's catalogues (package.nls.<locale>.json), keyed as package.nls.json is: the rule
 * descriptions of the `canvasAsCode.rules` setting, which SARIF's rules carry (core/ruleDocs.ts).
 */
const MANIFEST_CATALOGUES: Readonly<Record<string, Readonly<Record<string, string>>>> = { ko: nlsKo };

/** The manifest text `key` in the installed language, or undefined (English, or no entry: the caller's English stands). */
export function manifestText(key: string): string | undefined {
  const catalogue = Object.hasOwn(MANIFEST_CATALOGUES, current) ? MANIFEST_CATALOGUES[current] : undefined;
  const text = catalogue && Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/** The languages `--locale` names: English and every bundled catalogue. */
export const LOCALES: readonly string[] = ['en', ...Object.keys(CATALOGUES)];

/**
 * The language of a locale name (`ko`, `ko-KR`, `ko_KR.UTF-8`, `ko_KR@euro`): its language code
 * when a catalogue exists for it, else `en` (C, POSIX, an unknown or malformed name).
 */
export function languageOf(name: string | undefined): string {
  const language = /^([A-Za-z]{2,3})(?:[-_.@]|$)/.exec(name ?? '')?.[1]?.toLowerCase();
  return language !== undefined && Object.hasOwn(CATALOGUES, language) ? language : 'en';
}

/** The language the environment asks for, by POSIX precedence: LC_ALL > LC_MESSAGES > LANG. */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>> | undefined): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env?.[name];
    if (value) return languageOf(value);
  }
  return 'en';
}

/**
 * Takes `--locale X` / `--locale=X` out of a command line (any command, any place before `--`).
 * The last one given wins; an error when the option has no value.
 */
export function takeLocaleOption(argv: readonly string[]): { argv: string[]; locale?: string } | { error: string } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--locale') {
      if (i + 1 >= argv.length) return { error: '--locale' };
      locale = argv[++i];
    } else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else rest.push(arg);
  }
  return locale === undefined ? { argv: rest } : { argv: rest, locale };
}

/** Installs the catalogue of a language (`en`, or one without a catalogue: English). */
export function useLanguage(language: string): void {
  current = Object.hasOwn(CATALOGUES, language) ? language : 'en';
  setCatalogue(current === 'en' ? undefined : CATALOGUES[current], current);
}

let current = 'en';

/** The language installed last (validation workers are started in it). */
export function currentLanguage(): string {
  return current;
}
