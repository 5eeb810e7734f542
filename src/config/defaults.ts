// Every tunable number of the core in one frozen, named object, so a threshold is changed in one
// place and a test can read the value it is testing against.
export const MATCHING = Object.freeze({
  /** At or above this confidence the bot answers. */
  answerThreshold: 0.55,
  /** From here up to answerThreshold the bot asks "did you mean…"; below it, it declines. */
  suggestThreshold: 0.36,
  /** How many facts the word index hands to the re-ranker. */
  candidates: 12,
  /** How many questions a "did you mean" or a decline suggests. */
  suggestions: 3,
  /** Share of the confidence that comes from covering the question's words (the rest: phrasing likeness). */
  coverageWeight: 0.6,
  /** How much a question word found only in a fact's answer (not its phrasings or tags) counts. */
  answerOnlyCredit: 0.75,
  /** Words shorter than this are never typo-corrected: too many near neighbours. */
  typoMinLength: 4,
  /** From this length a word may be two edits (a swap of two letters is one) from the right one. */
  twoEditsMinLength: 8,
  /** An unknown word this short, one edit from a stopword ("wher"), is read as that stopword. */
  stopwordTypoMaxLength: 5,
  /** How much a typo-corrected word counts compared with one spelt right. */
  typoCredit: 0.85,
  /** How much the word index's own (BM25) order adds when ranking candidates of near-equal confidence. */
  bm25Share: 0.1,
  /** Field boosts for the word index. */
  boost: Object.freeze({ questions: 3, tags: 1.5, answer: 1 }),
  /**
   * BM25+'s constants for the word index (src/matching/word-index.ts), which picks the facts the
   * re-ranker scores. A term held tf times in a field of length len, where the field's average length
   * is avglen, adds to a fact's score its idf (src/matching/idf.ts) times the field's boost times
   * delta + tf·(k1 + 1) / (tf + k1·(1 − b + b·len / avglen)).
   * The values are MiniSearch's defaults, the index the matcher was first tuned with; the evaluation
   * floors hold for them, and a change is judged by the floors, like any weight here.
   */
  bm25: Object.freeze({
    /**
     * How soon a repeated term stops adding: at 0 one occurrence counts as much as any number; the
     * larger, the longer each repeat adds (the share tends to k1 + 1). A phrasing holds each of its
     * stems once, so in the questions field tf is how many phrasings hold the term; at 1.2, the usual
     * BM25 value, a second one adds about a third (1 → 1.375 at average length), not as much again.
     */
    k1: 1.2,
    /**
     * How much a field longer than average is held against a fact: 0 not at all, 1 in full proportion
     * to its length over the average. The questions field grows with every phrasing, so this is also
     * what keeps a fact from ranking high by its number of phrasings alone. 0.7 is MiniSearch's
     * (Lucene's is 0.75).
     */
    b: 0.7,
    /**
     * BM25+'s floor: what a held term adds per unit of idf and boost however long the field. Plain
     * BM25's share tends to 0 as the field grows, so a long answer holding the word would count
     * hardly more than one without it. 0.5 is half of what one occurrence adds in a field of
     * average length.
     */
    delta: 0.5,
  }),
  /** Autocomplete: how many known words a half-typed last word may stand for (the most used first). */
  completionWords: 10,
  /** Autocomplete: how many facts the word index hands to Fuse.js, whose phrasings it then ranks. */
  completionFacts: 20,
  /** Autocomplete: how many phrasings that start as typed are handed to Fuse.js as well. */
  completionStarts: 50,
  /** Autocomplete: phrasings Fuse returns per question offered, since several phrasings of one fact merge into its display question. */
  completionPhrasingsPerFact: 4,
  /** Autocomplete: how much of a phrasing's start is matched as typed; past it, words find it. */
  completionStartChars: 20,
  /** Above this share of facts changed at once, the matcher rebuilds its index instead of updating it. */
  rebuildShare: 0.1,
  /**
   * A question about now is answered by the newest fact among the candidates this close to the best
   * one (a share of its confidence): near enough to be about the same thing, so "the latest exchange"
   * finds the newest exchange, not the newest fact that merely shares a word.
   */
  latestBand: 0.85,
  /**
   * A follow-up read with the question before it ("what was in it?" + "what did Russia hand over on
   * 2 June?") weighs its own words this many times over in confidence: they say what is asked, the
   * earlier words only what it is about. Measured with npm run eval on the conversation sets: 1.5
   * read more turns right than 1 (none), 2 or 3.
   */
  focusWeight: 1.5,
  /**
   * Of the candidates this close to the best (a share of its confidence), one whose closest phrasing
   * asks what the question asks (where, when, who…: the vocabulary's fit.asks) goes first. A tie-break
   * only: measured with npm run eval, 0.95 read 3 more of our own questions right and 3 fewer wrong
   * (and one more of the held-back ones), 0.9 seven fewer of our own right.
   */
  askingAlikeBand: 0.95,
  /**
   * A name from the vocabulary's `names` that the question holds and a fact does not rules the fact
   * out, when the name is at least this telling (its idf as the matcher weighs it, src/matching/idf.ts,
   * the 'ratio' form): Russia and Ukraine, in nearly every fact, are not (they count as the
   * vocabulary's `names.sides` instead, when the question's own words name them).
   */
  nameMinWeight: 1.2,
});

export const FRESHNESS = Object.freeze({
  /** An answer to a question about now, dated older than this, says it may be out of date. */
  staleDays: 30,
});

export const ANNOUNCE = Object.freeze({
  /** Facts one change announces one by one; a larger change (a bulk reload) adds one line for the rest. */
  maxPerChange: 5,
});

export const TIMELINE = Object.freeze({
  /** Events on one page of /timeline. */
  pageSize: 8,
  /** Facts /latest lists. */
  latest: 5,
  /** A /timeline filter is cut to this many characters, so a page button carries it in Telegram's 64 bytes. */
  queryChars: 24,
});

export const LIMITS = Object.freeze({
  /** Longer questions are cut to this many characters before matching, with a note to the user. */
  questionChars: 500,
  /** Fact ids stay short enough to fit Telegram's 64-byte callback data with a prefix. */
  factIdChars: 48,
  /** Autocomplete offers at most this many known questions (Discord's own cap is 25). */
  autocomplete: 25,
  /** A fact's timeline line stays one short line on every platform. */
  timelineChars: 140,
});

export const READING = Object.freeze({
  /** A message is read up to this many characters: a question past the question limit is still found. */
  messageChars: 4_000,
  /** At most this many parts of one message are tried as the question. */
  maxParts: 6,
});

export const CONVERSATION = Object.freeze({
  /** A follow-up is read with the turn before it for this long after that turn. */
  memoryMs: 5 * 60_000,
  /** At most this many conversations are remembered at once; the stalest is forgotten first. */
  maxKept: 10_000,
  /** A question of at most this many words is read with the turn before it first, then alone. */
  shortFollowUpWords: 4,
  /**
   * A follow-up read alone is answered from another topic only when its fact holds at least this
   * share of the earlier question's telling words (those fewer than `tellingShare` of the facts
   * hold): "which palace hosted it?" after "when did they meet for the 2nd time in 2025?" keeps to
   * that meeting however the facts are filed. Measured with npm run eval on the conversation sets.
   */
  relatedShare: 0.5,
  tellingShare: 0.5,
});

export const RATE_LIMIT = Object.freeze({
  /** Questions one user may ask per window before the bot asks them to slow down (RATE_LIMIT_PER_MINUTE overrides it). */
  questionsPerWindow: 10,
  windowMs: 60_000,
  /** Above this many tracked users, idle ones are forgotten so memory stays bounded. */
  maxTrackedUsers: 10_000,
});

/** Telegram's own limits, and how fast the bot sends within them. */
export const TELEGRAM = Object.freeze({
  /** Telegram rejects a longer message text (counted after HTML parsing; the bot counts the HTML). */
  messageChars: 4096,
  /** Telegram's cap on a button's callback data. */
  callbackDataBytes: 64,
  /** An answer's sources never take more of its message than this, so the answer itself keeps most of it. */
  sourcesChars: 2048,
  /** A citation longer than this is cut: one odd source must not crowd out the others. */
  citationChars: 300,
  /** Answers an inline query offers. */
  inlineResults: 5,
  /** How long Telegram may reuse an inline answer; short, so a fact-base update shows soon. */
  inlineCacheSeconds: 60,
  /** Local port of the webhook server when TELEGRAM_WEBHOOK_PORT is unset (Telegram posts to 443, 80, 88 or 8443). */
  webhookPort: 8443,
  /**
   * The webhook answers Telegram once the update is handled (so a replica dying mid-update leaves it
   * unanswered and Telegram posts it again), or after this long, whichever comes first.
   */
  webhookHandleMs: 10_000,
  /** Telegram's flood limits: about one message a second a chat, 20 a minute a group, 30 a second in all. */
  flood: Object.freeze({
    chatIntervalMs: 1000,
    groupPerMinute: 20,
    globalPerSecond: 30,
    /** A call that keeps failing (429, 5xx, a dropped connection) is given up after this many waits. */
    maxRetries: 3,
    /** The first wait after a 5xx or a dropped connection; each further wait doubles it. */
    retryMs: 1000,
  }),
});

/** Discord's own limits (a message over any of them is rejected whole), and the adapter's choices within them. */
export const DISCORD = Object.freeze({
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldValue: 1024,
  embedFields: 25,
  /** Title, description, field names and values, and footer together. */
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  /** An autocomplete choice's name and its value. */
  choiceText: 100,
  /** Sources never take more fields than this, so the answer itself always keeps most of the embed. */
  sourceFields: 3,
  /** A citation longer than this is cut: one odd source must not crowd out the others. */
  citationChars: 300,
});

export const RELOAD = Object.freeze({
  /** Quiet time after the last file event before the fact base is reloaded. */
  debounceMs: 250,
});

/** The lock every process writing one knowledge folder takes (Discord shards, webhook instances). */
export const WRITE_LOCK = Object.freeze({
  /** A write waits this long for another process's write to finish before giving up. */
  waitMs: 10_000,
  /** A lock this old is left over from a crash: a write holds it for milliseconds. */
  staleMs: 30_000,
  /** Pause between attempts to take a lock someone else holds. */
  retryMs: 15,
});

export const MODERATION = Object.freeze({
  /** Moderator commands one moderator may run per window, fewer than questions (MOD_COMMANDS_PER_MINUTE overrides it). */
  commandsPerWindow: 5,
  windowMs: 60_000,
  /** A guided dialogue left unanswered this long is forgotten. */
  dialogueTimeoutMs: 10 * 60_000,
  /** Default look-back of `kb unanswered`. */
  unansweredDays: 7,
  /** Longest look-back of `kb unanswered`; a longer one is cut to it, with a note. */
  unansweredMaxDays: 365,
  /** `kb unanswered` groups at most this many of the newest unanswered questions, so its work stays bounded. */
  unansweredScan: 20_000,
  /** Questions whose word sets overlap at least this much count as one gap. */
  groupSimilarity: 0.5,
  /** How many gaps and how many rated facts `kb unanswered` lists. */
  reportRows: 10,
});

export const ACTIVITY = Object.freeze({
  /** Question records kept in memory while the log cannot be written, to write once it can; the oldest go first past this. */
  unsavedKept: 10_000,
});

/** The moderators' web console (CONSOLE_PORT). */
export const CONSOLE_ACCESS = Object.freeze({
  /** A sign-in link from /console works once, within this long. */
  linkValidMs: 10 * 60_000,
  /** A session ends this long after sign-in. */
  sessionMs: 8 * 3_600_000,
  /** Sign-in attempts one address may make a minute (a wrong or used link counts too). */
  signInsPerMinute: 10,
});

/** Shared state in PostgreSQL (DATABASE_URL): connections and how replicas keep in step. */
export const STORAGE = Object.freeze({
  /** Connections per process; a bot's queries are short, so a few serve many chats. */
  poolSize: 5,
  /** A server that does not answer within this long counts as unreachable. */
  connectTimeoutMs: 2_000,
  /** After the listening connection is lost, how long to wait before each try to get it back. */
  reconnectMs: 1_000,
  /** How often each replica also reads the fact edits it may have missed, besides NOTIFY. */
  catchUpMs: 30_000,
  /** A claimed update not marked handled within this long may be taken by another replica (its claimant died). */
  claimLeaseMs: 15_000,
  /** How often a waiting replica tries to take the lead (one Telegram poller) from one that may have died. */
  leaderRetryMs: 2_000,
  /** How often a replica re-counts the most asked questions from the shared log, so all offer the same ones. */
  askedRefreshMs: 5 * 60_000,
  /** Claims older than this are deleted: Telegram retries an update for far less. */
  claimKeepMs: 24 * 3_600_000,
});
