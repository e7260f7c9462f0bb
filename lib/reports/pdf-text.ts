// The PDF uses the standard Helvetica font (nothing to ship or download), which encodes
// text in WinAnsi (Windows-1252). Anything outside it would print as garbage, so it is
// spelled out where a plain equivalent exists and replaced by "?" otherwise.

/** Characters Windows-1252 has above Latin-1's range. */
const CP1252_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const SPELLED: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "▲": "^",
  "▼": "v",
  "✓": "v",
  "\u2009": " ",
  "\u202f": " ",
  "\t": "    ",
};

export function pdfSafe(text: string): string {
  let result = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (SPELLED[char] !== undefined) result += SPELLED[char];
    else if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char)) result += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else result += "?";
  }
  return result;
}
