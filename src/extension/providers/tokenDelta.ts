/**
 * The one edit that turns `previous` into `next` (both semantic-token arrays: five numbers per
 * token, positions relative to the token before): everything between their common prefix and
 * common suffix, aligned to whole tokens. Typing in a card's name changes no token at all (the
 * encoding is relative), so while typing the edit is empty and VS Code's renderer re-applies
 * nothing, where a full result would send and decode every token of the file on every key.
 * Pure (no `vscode`): the provider wraps the result in a `SemanticTokensEdit`.
 */
export function tokenDelta(previous: Uint32Array, next: Uint32Array): { start: number; deleteCount: number; data: Uint32Array } | undefined {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) return undefined;
  // Whole tokens only: a token whose first numbers match but whose last differ is replaced whole.
  prefix -= prefix % 5;
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  suffix -= suffix % 5;
  return { start: prefix, deleteCount: previous.length - prefix - suffix, data: next.slice(prefix, next.length - suffix) };
}
