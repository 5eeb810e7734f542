// Folding: what makes "Erdoğan's", "erdogan" and "ERDOGAN" the same word before anything else is
// done with them.

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
const LATIN_FOLD: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** "US" and "U.S." in capitals are the country; lower-cased, "us" would be the pronoun, a stopword. */
const US_IN_CAPITALS = /\bU\.?S\.?(?:A\b\.?)?(?![\w.])/g;

/** Lower case, no diacritics, no punctuation, single spaces: "Erdoğan's  truce!" → "erdogan s truce". */
export function foldText(text: string): string {
  let folded = text.replace(US_IN_CAPITALS, 'usa').toLowerCase();
  // Plain ASCII, most of what is read, has no diacritics: the Unicode passes are skipped for it.
  const ascii = !/[\u0080-\uffff]/.test(folded);
  if (!ascii) {
    folded = folded
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ıøłđßæœ]/g, (c) => LATIN_FOLD[c] ?? c);
  }
  // Most text has neither a digit nor an apostrophe: one look saves two rewrites.
  if (/[\d'’`]/.test(folded)) {
    folded = folded
      .replace(/(\d)[,.](?=\d{3}\b)/g, '$1') // 1,000 → 1000
      .replace(/['’`]s\b/g, ''); // possessives: Yermak's → yermak
  }
  return folded.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The words of foldText(text), every one kept: in one pass for the common case, printable ASCII without digits or apostrophes. */
export function foldWords(text: string): string[] {
  if (needsFullFold(text)) return foldText(text).split(' ').filter((word) => word.length > 0);
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * False for text that folds by lower-casing its letters alone, the words being the runs of letters:
 * printable ASCII with no digit, apostrophe or "US". Most text is like that.
 */
export function needsFullFold(text: string): boolean {
  // A loop over the codes, where the pattern /[^\x20-\x7e]|[\d'`]|U\.?S/ tried three alternatives at every place.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x60) return true;
    if (c === 0x55 && (text.charCodeAt(i + 1) === 0x53 || (text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 2) === 0x53))) return true;
  }
  return false;
}
