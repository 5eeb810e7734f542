// Translations of facts into the other languages the bot answers in. Each records the fingerprint
// of the English text it was made from, so an English edit marks it stale until a translator
// renews it; the sources stay the English fact's (a local-language page keeps its own title).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AnswerTextSchema, CaveatSchema, PhrasingsSchema, type Fact } from './schema.js';

/** The languages facts are translated into; English is the facts' own. */
export const TRANSLATED_LANGUAGES = ['uk', 'ru'] as const;
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];

/** A short fingerprint of what a translation renders: the English answer and caveat. */
export function englishFingerprint(fact: Pick<Fact, 'answer' | 'caveat'>): string {
  return createHash('sha256')
    .update(`${fact.answer}\n${fact.caveat ?? ''}`)
    .digest('hex')
    .slice(0, 10);
}

export const FactTranslationSchema = z
  .object({
    id: z.string().min(1),
    // The fingerprint of the English answer and caveat this translation was made from.
    from: z.string().regex(/^[0-9a-f]{10}$/, { message: 'must be the English text’s fingerprint (npm run kb:fingerprints)' }),
    questions: PhrasingsSchema,
    answer: AnswerTextSchema,
    caveat: CaveatSchema,
  })
  .strict();

/** One translation file: a language and the facts of one topic in it. */
export const TranslationFileSchema = z
  .object({
    language: z.enum(TRANSLATED_LANGUAGES, { message: `must be one of ${TRANSLATED_LANGUAGES.join(', ')}` }),
    facts: z.array(z.unknown()).min(1, { message: 'must hold at least one translated fact' }),
  })
  .strict();

export type FactTranslation = z.infer<typeof FactTranslationSchema>;

/** Per language, the active facts with no translation and those translated from older English. */
export interface TranslationGaps {
  language: TranslatedLanguage;
  missing: string[];
  stale: string[];
}

export function translationGaps(facts: readonly Fact[], translations: ReadonlyMap<TranslatedLanguage, ReadonlyMap<string, FactTranslation>>): TranslationGaps[] {
  return TRANSLATED_LANGUAGES.map((language) => {
    const translated = translations.get(language);
    const gaps: TranslationGaps = { language, missing: [], stale: [] };
    for (const fact of facts) {
      if (fact.status !== 'active') continue;
      const translation = translated?.get(fact.id);
      if (!translation) gaps.missing.push(fact.id);
      else if (translation.from !== englishFingerprint(fact)) gaps.stale.push(fact.id);
    }
    return gaps;
  });
}
