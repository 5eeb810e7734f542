// The fact base's shape. Every type the rest of the code uses is inferred from these schemas,
// so a field is described once, here.
import { z } from 'zod';
import { LIMITS } from '../config/defaults.js';

/** Lower-case words joined by hyphens, e.g. "third-round-duration". */
export const FACT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

export const SourceSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    publisher: z.string().trim().min(1).optional(),
    published: isoDate.optional(),
    // Every citation links to its page: a reader must be able to check what the bot says.
    url: z.url({
      protocol: /^https?$/,
      // A missing address falls through to the parser's plain "is required".
      error: (issue) => (issue.input === undefined ? undefined : 'must be a URL (http or https)'),
    }),
  })
  .strict();

/**
 * A fact's phrasings, in any language. The first is its display question: what suggestion buttons,
 * autocomplete and inline titles show, so it must read as a question a person would ask.
 */
export const PhrasingsSchema = z
  .array(z.string().trim().min(3, { message: 'is too short to be a question' }))
  .min(3, { message: 'needs at least three phrasings of the question' })
  .refine((qs) => qs[0] === undefined || /[?？]$/.test(qs[0]), {
    message: 'is the display question (what buttons and autocomplete show): write a whole question ending in "?"',
    path: [0],
  });

export const AnswerTextSchema = z.string().trim().min(1, { message: 'must not be empty' });
export const CaveatSchema = z.string().trim().min(1).optional();

export const FactStatusSchema = z.enum(['active', 'retired']);

export const FactSchema = z
  .object({
    id: z
      .string()
      .max(LIMITS.factIdChars, { message: `must be at most ${LIMITS.factIdChars} characters` })
      .regex(FACT_ID_PATTERN, { message: 'must be lower-case words joined by hyphens' }),
    questions: PhrasingsSchema,
    answer: AnswerTextSchema,
    // Where sources disagree: a sentence that names both sides, shown with the answer.
    caveat: CaveatSchema,
    sources: z.array(SourceSchema).min(1, { message: 'must cite at least one source' }),
    asOf: isoDate,
    // The round of talks the fact belongs to, so "the latest round" can mean the newest in the base.
    round: z.number().int().positive().optional(),
    // The years the fact speaks of, when not only the year of asOf (a 2024 claim about the 2022
    // drafts is [2022, 2024]): a question naming a year is never answered by a fact of another one.
    years: z
      .array(
        z
          .number({ message: 'must be a year, e.g. 2022' })
          .int({ message: 'must be a year, e.g. 2022' })
          .min(1991, { message: 'must be a year from 1991 to 2099' })
          .max(2099, { message: 'must be a year from 1991 to 2099' }),
      )
      .min(1, { message: 'must list at least one year, or be left out' })
      .optional(),
    // The fact's one line in /timeline, dated asOf; facts without it are details, not events.
    timeline: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.timelineChars, { message: `must be at most ${LIMITS.timelineChars} characters` })
      .optional(),
    tags: z.array(z.string().trim().min(1)).default([]),
    status: FactStatusSchema.default('active'),
  })
  .strict();

/** One knowledge file: a topic holding one or more facts. */
export const FactFileSchema = z
  .object({
    topic: z.string().trim().min(1).optional(),
    facts: z.array(z.unknown()).min(1, { message: 'must hold at least one fact' }),
  })
  .strict();

/**
 * Words that mean the same to a reader. The first word of a group is the one the matcher keeps;
 * a group may hold multi-word phrases ("prisoner of war").
 */
export const VocabularySchema = z
  .object({
    synonyms: z
      .array(z.array(z.string().trim().min(1)).min(2))
      .default([])
      // A word in two groups would be read by whichever came last, splitting the other group.
      .superRefine((groups, ctx) => {
        const groupOf = new Map<string, string>();
        groups.forEach((group, i) =>
          group.forEach((word, j) => {
            const key = word.toLowerCase();
            const other = groupOf.get(key);
            if (other !== undefined && other !== group[0]) ctx.addIssue({ code: 'custom', path: [i, j], message: `"${word}" is already in the group of "${other}": a word may stand in one group only` });
            groupOf.set(key, group[0]!);
          }),
        );
      }),
    // Words and phrases that ask about now ("latest", "still", "any news"): such a question is
    // answered by the newest fact that fits, with its date and, when old, a warning.
    recency: z.array(z.string().trim().min(1)).default([]),
    // Hedges and chat filler read out of a question before matching ("is it true that", "someone told me").
    filler: z.array(z.string().trim().min(1)).default([]),
    // Small talk: a message made only of these (and the filler words) gets a short friendly line.
    smallTalk: z
      .object({
        help: z.array(z.string().trim().min(1)).default([]),
        thanks: z.array(z.string().trim().min(1)).default([]),
        greeting: z.array(z.string().trim().min(1)).default([]),
        ack: z.array(z.string().trim().min(1)).default([]),
        // Single words that may stand beside small talk without making it a question ("bot", "so").
        filler: z.array(z.string().trim().min(1)).default([]),
      })
      .strict()
      .default({ help: [], thanks: [], greeting: [], ack: [], filler: [] }),
    // Follow-ups: a question that opens like one ("and…", "what about…") or points back ("he", "it",
    // "then") is read with the turn before it; a word of one of `kinds` replaces its kind.
    followUp: z
      .object({
        openings: z.array(z.string().trim().min(1)).default([]),
        anaphora: z.array(z.string().trim().min(1)).default([]),
        kinds: z.array(z.array(z.string().trim().min(1)).min(2)).default([]),
        // "He", "she": they stand for the first person the last answer named.
        personPronouns: z.array(z.string().trim().min(1)).default([]),
      })
      .strict()
      .default({ openings: [], anaphora: [], kinds: [], personPronouns: [] }),
    // Names of people, places and bodies: a question naming one is answered only by a fact naming it.
    names: z
      .object({
        people: z.array(z.string().trim().min(1)).default([]),
        places: z.array(z.string().trim().min(1)).default([]),
        // The two sides: named in nearly every fact, so too common to count as names by weight,
        // yet a question about one side's team is not answered by a fact about the other's alone.
        sides: z.array(z.string().trim().min(1)).default([]),
      })
      .strict()
      .default({ people: [], places: [], sides: [] }),
    // What a question asks for and what a fact must then hold to answer it (see src/fit.ts).
    fit: z
      .object({
        // Spelt-out numbers, read like digits when a fact must give a number ("three rounds").
        numberWords: z.array(z.string().trim().min(1)).default([]),
        // Words any number counts ("how many people"): the fact may count prisoners or soldiers.
        anyCount: z.array(z.string().trim().min(1)).default([]),
        // Words that end what "how many" counts ("how many ships WERE attacked").
        countStops: z.array(z.string().trim().min(1)).default([]),
        // Measures ("tonnes", "dollars"): "how many tonnes of fertiliser" counts the fertiliser.
        measures: z.array(z.string().trim().min(1)).default([]),
        // How a question asks for an age or a length of time, in each language ("how old", "скільки років").
        asksAge: z.array(z.string().trim().min(1)).default([]),
        // Phrases that ask an age only when a person's name follows («сколько лет Мединскому»), and
        // otherwise count years («сколько лет консультаций»).
        asksAgeOfPerson: z.array(z.string().trim().min(1)).default([]),
        // Phrases that ask the age of someone by a pronoun ("how old is he"): left in a question,
        // the pronoun points to no one the conversation named, so no fact can be said to answer.
        asksAgeOfSomeone: z.array(z.string().trim().min(1)).default([]),
        asksDuration: z.array(z.string().trim().min(1)).default([]),
        // How a question asks a time of day ("at what time", «о котрій», «во сколько»), which only a
        // fact giving one ("20:40") answers.
        asksClockTime: z.array(z.string().trim().min(1)).default([]),
        // What a question asks for, one list per kind (where, when, who, why, how many), by its
        // question words in each language: of near candidates, one whose closest phrasing asks the
        // same goes first (answer.ts moveAskingAlikeFirst).
        asks: z.array(z.array(z.string().trim().min(1))).default([]),
        // Words of an age ("aged", "years old"), which "how old" needs.
        ageWords: z.array(z.string().trim().min(1)).default([]),
        // Units of time that follow a number ("40 minutes"), and spans on their own ("overnight"), which "how long" needs.
        durationUnits: z.array(z.string().trim().min(1)).default([]),
        durationWords: z.array(z.string().trim().min(1)).default([]),
        // Phrases that ask for what no fact is for (travel tips, tickets, a translation, role-play):
        // such a question is declined whatever words it shares with the base.
        offTask: z.array(z.string().trim().min(1)).default([]),
        // Words that name whose view a question asks about ("according to", "said"): a question
        // opening as a call for a view ("should…") is then asked of the sources, not of the bot.
        attribution: z.array(z.string().trim().min(1)).default([]),
        // Words and phrases that ask for a view; such a question is answered only by a fact that holds
        // them. "^should" means "should" opening the question.
        opinion: z.array(z.string().trim().min(1)).default([]),
        // Words for a round of talks in each language, in all their forms ("round", "раунді"), and
        // the ordinals that say which one, the first list for round 1 and so on ("first", "першому",
        // "первом", "1st"): a question about the second round is never answered by a fact whose
        // `round` is another.
        // The months, January first, each with its names in every language and case ("june",
        // "червня", "у червні", "июня", "в июне"): a number beside one dates rather than counts
        // ("2 October"), a question naming a day ("on 2 June") is answered only by a fact of that day
        // or one naming it, and one naming a month only by a fact naming that month or none.
        months: z.array(z.array(z.string().trim().min(1))).default([]),
        roundWords: z.array(z.string().trim().min(1)).default([]),
        roundOrdinals: z.array(z.array(z.string().trim().min(1))).default([]),
        // Cardinals, one list per round, that name a round only after the round word ("round two",
        // «раунд два»): before it they count rounds ("the first two rounds").
        roundNumbers: z.array(z.array(z.string().trim().min(1))).default([]),
      })
      .strict()
      .default({ offTask: [], attribution: [], asksAge: [], asksAgeOfPerson: [], asksAgeOfSomeone: [], asksDuration: [], asksClockTime: [], asks: [], numberWords: [], anyCount: [], countStops: [], measures: [], ageWords: [], durationUnits: [], durationWords: [], opinion: [], months: [], roundWords: [], roundOrdinals: [], roundNumbers: [] }),
  })
  .strict();

export type Source = z.infer<typeof SourceSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactInput = z.input<typeof FactSchema>;
export type Vocabulary = z.infer<typeof VocabularySchema>;
