// Shared by the property tests of the core and of the formatters.
import fc from 'fast-check';

/** Strings people and attackers send: the awkward parts of Unicode mixed with the base's own words. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }), // lone surrogates included
  fc.array(
    fc.constantFrom(
      '@everyone', '@here', '<@123>', '<@&456>', '<#789>', '<b>', '</a>', '&amp;', '&', '<', '>', '"', "'",
      '**bold**', '`code`', '[link](http://x)', '\u200b', '\u200f', '\u202e', '\u0000', '\u0007', '\r\n', '\t',
      '🕊️', '🇺🇦', 'переговоры', 'Стамбул', 'Erdoğan', 'Çırağan', 'ceasefire', 'latest round', '1,200', 'zelenskyy',
    ),
    { maxLength: 40 },
  ).map((parts) => parts.join(' ')),
);
