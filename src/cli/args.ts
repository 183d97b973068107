/**
 * Command-line parsing for every command, with Node's own `node:util` `parseArgs` (the standard
 * library: no dependency to ship in the CLI package, and the POSIX/GNU conventions users know from
 * eslint and prettier come for free: `--opt value`, `--opt=value`, `-j4`, `--` ends the options, a
 * lone `-` is an argument, not an option).
 *
 * parseArgs reads the arguments into tokens; the checks of its strict mode are made here, on the
 * tokens, so that each names the argument at fault in our words (escaped with visibleText: it is
 * user text): an unknown option, a flag given a value (`--quiet=1`), an option with no value
 * (`--format` last: the option's own message, "--format must be text, json…, got nothing"). Unlike
 * strict mode, a value that starts with `-` is taken as the value (`--jobs -1` is then refused by
 * --jobs itself, "must be a positive integer, got "-1""; `-o -x` writes the file `-x`).
 * Callers turn an {@link ArgsError} into exit status 2 with the command's usage line.
 */
import { parseArgs } from 'node:util';
import { visibleText } from '../core/visibleText';
import { cliText } from './messages';

/** One option of a command, as parseArgs takes it, and what to say when its value is missing. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The message when a string option has no value (given the option as written); else "X needs a value". */
  missing?: (option: string) => string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpecs;

export interface ParsedArgs {
  /** Option values by name (the last one given wins unless the option is `multiple`). */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** Option names in the order given (for pairs such as --color / --no-color: the last wins). */
  order: string[];
}

export interface ArgsError {
  error: string;
}

/** `"value"` made visible, or `nothing`: for messages that quote what the user gave. */
export function shown(value: string | undefined): string {
  return value === undefined ? cliText('nothing') : `"${visibleText(value)}"`;
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The options as parseArgs takes them (without our `missing`). */
function parseArgsOptions(options: OptionSpecs): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(Object.entries(options).map(([name, { type, short, multiple }]) => [name, { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) }]));
}

/** Parses one command's arguments (after the command name), or says what is wrong with them. */
export function parseCommandArgs(args: readonly string[], options: OptionSpecs): ParsedArgs | ArgsError {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: parseArgsOptions(options), allowPositionals: true, tokens: true, strict: false });
  } catch (error) {
    return { error: cliText('cannotReadArguments', visibleText((error as Error)?.message ?? String(error))) };
  }
  const order: string[] = [];
  for (const token of parsed.tokens as Token[]) {
    if (token.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(options, token.name) ? options[token.name] : undefined;
    if (!spec) return { error: cliText('unknownOption', visibleText(token.rawName)) };
    if (spec.type === 'string' && token.value === undefined) return { error: spec.missing?.(token.rawName) ?? cliText('needsValue', visibleText(token.rawName)) };
    if (spec.type === 'boolean' && token.inlineValue) return { error: cliText('takesNoValue', visibleText(token.rawName), shown(token.value)) };
    order.push(token.name);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals, order };
}

/** Whether `--help`/`-h` (or `--version`) is among the options (before any `--`), even beside a bad one. */
export function asksFor(args: readonly string[], name: 'help' | 'version', options: OptionSpecs): boolean {
  try {
    const { tokens } = parseArgs({ args: [...args], options: parseArgsOptions(options), allowPositionals: true, tokens: true, strict: false });
    return (tokens as Token[]).some((t) => t.kind === 'option' && t.name === name && !t.inlineValue);
  } catch {
    return false;
  }
}

/** The one string value of an option, or undefined. */
export function stringValue(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * For a --x / --no-x pair (parseArgs in Node 20 has no negation): true, false or undefined by the
 * one given last.
 */
export function lastOfPair(parsed: ParsedArgs, yes: string, no: string): boolean | undefined {
  for (let i = parsed.order.length - 1; i >= 0; i--) {
    if (parsed.order[i] === yes) return true;
    if (parsed.order[i] === no) return false;
  }
  return undefined;
}
