/**
 * Colour for validate's text output, as eslint and prettier do it: on for a terminal, off for a pipe
 * or a file; `--color` / `--no-color` decide outright; else `NO_COLOR` (any non-empty value,
 * https://no-color.org) turns it off and `FORCE_COLOR` (non-empty, not `0` or `false`) on.
 *
 * Only the severity word and the file name are coloured, and the file name is escaped with
 * visibleText before it is wrapped: user text never carries an escape sequence of its own.
 */

export interface ColorContext {
  /** --color (true), --no-color (false) or neither (undefined). */
  flag?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal. */
  isTTY?: boolean;
}

export function useColor({ flag, env = {}, isTTY = false }: ColorContext): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}

const SGR = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;

/** SGR colours by severity: red, yellow, cyan, grey (dim); the file name underlined. */
export const PAINT: Readonly<Record<string, (text: string) => string>> = {
  error: SGR('31'),
  warning: SGR('33'),
  information: SGR('36'),
  hint: SGR('90'),
  file: SGR('4'),
};
