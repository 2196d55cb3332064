/**
 * XML text for user strings. XML 1.0 cannot carry every character a label may hold (control
 * characters, lone surrogates, U+FFFE/U+FFFF): those become U+FFFD, so the file stays well-formed
 * whatever was typed. Shared by the SVG and draw.io exporters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML element content and for attribute values (quotes included). */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/**
 * Escapes text for an attribute value, also keeping line breaks and tabs (which attribute-value
 * normalisation would turn into spaces) as character references.
 */
export function xmlAttribute(text: string): string {
  return xmlEscape(text).replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
