/**
 * Escaping shared by every renderer. Text from the file may hold anything: markup, quotes, control
 * characters, lone surrogates. None of it may reach an output as anything but text.
 */

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates).
// HTML tolerates some of them, but an SVG with one is not well-formed and will not display.
const INVALID_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Replaces characters no document may hold with U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(INVALID_CHARS, '\ufffd');
}

/** Text → HTML or XML text and attribute values (quotes escaped, so safe in either kind of quotes). */
export function escapeHtml(text: string): string {
  return cleanText(String(text)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The same escaping: what is safe in HTML text and attributes is safe in XML. */
export const escapeXml = escapeHtml;

/** A name that may go into a class or data attribute: lowercase letters, digits and dashes only. */
export function cssToken(text: string | undefined): string | undefined {
  return text !== undefined && /^[a-z0-9-]{1,64}$/.test(text) ? text : undefined;
}
