// Folding: what makes "Erdoğan's", "erdogan" and "ERDOGAN" the same word before anything else is
// done with them.

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
const LATIN_FOLD: Readonly<Record<string, string>> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Text that needs no Unicode normalisation: ASCII, Cyrillic letters (U+0430–U+045F, lower-cased), spaces and common punctuation. */
const PLAIN_CYRILLIC = /^[\u0020-\u007f\t\n\r\u0430-\u045f\u0491\u00a0\u00ab\u00bb\u2010-\u2015\u2018-\u201e\u2026\u02bc]*$/;

/** "US" and "U.S." in capitals are the country; lower-cased, "us" would be the pronoun, a stopword. */
const US_IN_CAPITALS = /\bU\.?S\.?(?:A\b\.?)?(?![\w.])/g;

/** Lower case, no diacritics, no punctuation, single spaces: "Erdoğan's  truce!" → "erdogan s truce". */
export function foldText(text: string): string {
  let folded = text.replace(US_IN_CAPITALS, 'usa').toLowerCase();
  // Plain ASCII, most of what is read, has no diacritics: the Unicode passes are skipped for it.
  const ascii = !/[\u0080-\uffff]/.test(folded);
  if (!ascii) {
    folded = folded
      // An apostrophe inside a Cyrillic word is part of it (перемир'я, мʼясо): it must not split it.
      .replace(/(\p{Script=Cyrillic})['’ʼ`](?=\p{Script=Cyrillic})/gu, '$1')
      // Russian writers often type е for ё: one spelling for both.
      .replace(/ё/g, 'е');
  }
  // Plain Cyrillic with ASCII and everyday punctuation has no marks to take off: the Unicode passes,
  // the costliest part of folding, are for the rest (Latin diacritics, stress marks, ligatures).
  if (!ascii && !PLAIN_CYRILLIC.test(folded)) {
    folded = folded
      .normalize('NFKD')
      // Marks come off Latin letters (Erdoğan → erdogan), never off Cyrillic ones: й and ї are
      // letters of their own. Recomposed, й and ї are whole again; any mark left (a stress accent) goes.
      .replace(/(\P{Script=Cyrillic})\p{M}+/gu, '$1')
      .normalize('NFC')
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

/** The words of foldText(text), every one kept: in one pass for most text (see needsFullFold). */
export function foldWords(text: string): string[] {
  if (needsFullFold(text)) return foldText(text).split(' ').filter((word) => word.length > 0);
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * False for text that folds by lower-casing its letters alone, the words being the runs of letters
 * and digits: printable ASCII with no apostrophe, no "US" and no digit followed by a comma or a
 * point (1,000). Most text is like that.
 */
export function needsFullFold(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (needsFullFoldAt(text, i)) return true;
  return false;
}

/** Whether the character at i alone makes the text need the full fold (see needsFullFold). */
export function needsFullFoldAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Most characters are lower-case letters: one test settles them.
  if (c >= 0x61 && c <= 0x7a) return false;
  if (c < 0x20 || c > 0x7e || c === 0x27 || c === 0x60) return true;
  if (c === 0x55) {
    const next = text.charCodeAt(i + 1);
    return next === 0x53 || (next === 0x2e && text.charCodeAt(i + 2) === 0x53);
  }
  if (c === 0x2c || c === 0x2e) {
    const before = text.charCodeAt(i - 1);
    return before >= 0x30 && before <= 0x39;
  }
  return false;
}

const foldedLists = new WeakMap<readonly string[], readonly string[]>();

/**
 * foldText of every phrase of a list, worked out once per list: the vocabulary's lists (recency
 * words, filler, small talk, fit checks) are read for every question, and folding is not free.
 */
export function foldAll(list: readonly string[]): readonly string[] {
  let folded = foldedLists.get(list);
  if (!folded) {
    folded = list.map(foldText);
    foldedLists.set(list, folded);
  }
  return folded;
}
