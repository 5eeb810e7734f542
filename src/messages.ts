// Every sentence the bot says to people, in one place, so wording is reviewed and changed once.
import type { Language } from './language.js';
import { DIALOGUE_TRANSLATIONS, FIELD_LABELS, MOD_TRANSLATIONS, timeOf, type DialogueText, type ModText } from './moderator-text.js';
export const MESSAGES = Object.freeze({
  declined: 'I have no verified answer to that. I only answer from checked, cited facts about the Russia–Ukraine talks in Istanbul.',
  declineSuggestionsLead: 'You could ask, for example:',
  ambiguous: 'I’m not sure — did you mean one of these?',
  empty: 'Please ask a question about the Russia–Ukraine talks in Istanbul.',
  trimmed: (limit: number) => `Your question was long, so I read only its first ${limit} characters.`,
  sourcesDiffer: 'Sources differ:',
  answeredOne: (part: string) => `You asked more than one thing; I answered “${part}”. Ask the rest on its own.`,
  smallTalk: Object.freeze({
    help: 'Ask me anything about the Russia–Ukraine peace talks in Istanbul, in your own words — for example “How long did the third round last?” or “What happened at the 2022 talks?”. /timeline shows the story in order, /latest the newest facts, /sources the articles I cite; every answer lists its own.',
    thanks: 'You’re welcome! Ask me anything else about the talks.',
    greeting: 'Hello! Ask me anything about the Russia–Ukraine peace talks in Istanbul — for example “Who led Russia’s delegation?”.',
    ack: 'Anything else? Ask me about the talks whenever you like.',
  }),
  asOf: (date: string) => `as of ${date}`,
  newestLead: (asOf: string) => `The newest verified information I have, ${asOf}:`,
  mayBeOutdated: 'It is over a month old, so events may have moved on since.',
  dateUnknown: 'date not stated',
  publisherUnknown: 'publisher not stated',
  seeAlsoLead: 'Related questions:',
  help: [
    'I answer questions about the Russia–Ukraine peace talks in Istanbul — the 2022 round, the 2025',
    'rounds and the talks that followed — only from verified facts, and I always cite my sources and',
    'how fresh they are. If I have no verified answer, I say so.',
  ].join(' '),
  timelineLead: (total: number, filter: string) =>
    filter ? `Timeline of the talks — ${total} event(s) matching “${filter}”, oldest first:` : `Timeline of the talks — ${total} events, oldest first:`,
  timelineEmpty: (filter: string) =>
    `No event in the timeline matches “${filter}”. Try a year (/timeline 2022) or one word (/timeline exchange), or /timeline alone for everything.`,
  timelinePage: (page: number, pages: number) => `Page ${page} of ${pages}`,
  timelineHint: 'Narrow it down: /timeline 2022, /timeline exchange, /timeline 2025 summit.',
  previousPage: '◀ Earlier',
  nextPage: 'Later ▶',
  latestLead: 'The newest facts in the base, newest first (tap one for the full answer):',
  latestEmpty: 'The fact base holds no facts yet.',
  announced: (kind: 'added' | 'updated') => (kind === 'added' ? 'New in the fact base:' : 'Updated in the fact base:'),
  announcedMore: (count: number) => `…and ${count} more fact(s) were added or updated. /latest lists the newest.`,
  helpExamplesLead: 'Try, for example:',
  sourcesLead: (count: number, updated: string) => `The fact base cites ${count} articles; it was last updated on ${updated}.`,
  apology: 'Sorry — something went wrong on my side while answering. Please try again in a moment.',
  consoleWelcome: 'Istanbul talks bot — offline console. Ask a question, /help for help, /sources for the articles, /quit to leave.',
  consoleBye: 'Goodbye.',
  consoleCommands: 'Commands: /help, /timeline [year or word], /latest, /sources, /quit; moderators: "fact show <id>", "kb status", "fact add" (see "kb help").',
  slowDown: 'You are asking faster than I can keep up with — please wait a minute before your next question.',
  feedbackThanks: 'Thanks — your feedback was recorded for the moderators.',
  suggestionGone: 'That question is no longer in the fact base. Please ask again.',
  staleButton: 'That button no longer works. Please ask your question again.',
  sourcesHeading: 'Sources:',
  telegramWelcome: 'Hello! I answer questions about the Russia–Ukraine peace talks in Istanbul from checked, cited facts. Just write me your question.',
  telegramHowTo: (username: string) => [
    'In a private chat with me, just write your question.',
    `In a group, write /ask and your question, mention @${username}, or reply to one of my messages.`,
    `In any chat, type @${username} and a question to share an answer.`,
  ].join('\n'),
  telegramCommands: Object.freeze({
    ask: 'Ask a question about the Istanbul talks',
    help: 'How to ask, here and in groups',
    sources: 'The articles my answers cite',
    timeline: 'The talks in order; add a year or a word: /timeline 2022',
    latest: 'The five newest facts',
    start: 'Welcome and example questions',
  }),
  voteUp: '👍',
  voteDown: '👎',
  discordCommands: Object.freeze({
    ask: 'Ask a question about the Russia–Ukraine talks in Istanbul',
    askQuestion: 'Your question, in your own words',
    askPrivate: 'Show the answer only to you',
    help: 'What I can do, with example questions',
    sources: 'The articles my answers cite',
    timeline: 'The talks in order, from 2022 to the newest, with a source for each event',
    timelineFilter: 'Only events of a year or with a word, e.g. 2022 or exchange',
    latest: 'The five newest facts in the base',
  }),
  discordHowTo: 'Use /ask with your question (add private:true to see the answer alone), mention me with a question, or send me a direct message. /timeline shows the talks in order, /latest the newest facts, /sources the articles I cite.',
  moreSources: (count: number) => `…and ${count} more`,
});

/** What moderators read: replies to the fact and kb commands. */
export const MOD_MESSAGES = Object.freeze({
  notModerator: 'Sorry — the fact and kb commands are for the bot’s moderators. If a fact needs fixing, tell a moderator.',
  notFound: (id: string) => `There is no fact with the id "${id}". Try "kb status", or ask a question to find a fact's id.`,
  alreadyRetired: (id: string) => `The fact "${id}" is already retired.`,
  invalid: 'Nothing was saved — the change does not pass the fact-base checks:',
  blocked: (problems: number, files: readonly string[]) =>
    `Nothing was saved — the files on disk have ${problems} problem(s), in ${files.join(', ')}, so no change can be checked against them. Fix those first; "kb status" lists them.`,
  busy: 'Nothing was saved — another copy of the bot kept the fact base busy with its own change. Please try again in a moment.',
  unrecorded: (detail: string) => `Nothing was saved — the change could not be recorded in the audit log (${detail}), and no change is made unrecorded. Ask whoever runs the bot to check the disk.`,
  unavailable: (detail: string) => `Nothing was saved — the database that records changes could not be reached (${detail}). Please try again in a moment; if it keeps happening, ask whoever runs the bot.`,
  unwritten: (detail: string) => `Nothing was saved — the fact file could not be written (${detail}). Ask whoever runs the bot to check the disk.`,
  /** The moderators' own limit, which counts changes only: reading (fact show, kb status …) is never limited. */
  tooManyChanges: (perMinute: number) =>
    `Nothing was saved — you are making changes faster than the moderators’ limit of ${perMinute} a minute. Please wait a minute and try again; reading the fact base (fact show, kb status) is not limited.`,
  added: (id: string) => `Added the fact "${id}". Members get it from their next question.`,
  edited: (id: string) => `Saved your edit of "${id}". Members get it from their next question.`,
  retired: (id: string) => `Retired "${id}": the bot no longer serves it ("kb undo ${id}" brings it back).`,
  sourceAdded: (id: string) => `Added the source to "${id}".`,
  undone: (id: string) => `Restored the previous version of "${id}".`,
  noHistory: (id: string) => `No change to "${id}" has been made from chat yet (file edits show in git log).`,
  historyLead: (id: string) => `Changes to "${id}", oldest first:`,
  historyLine: (at: string, who: string, platform: string, action: string, id: string) => `${at} UTC — ${who} (${platform}) — ${action} ${id}`,
  /** A change's kind as a history line names it: in English, the command's own word. */
  actionNames: Object.freeze({ add: 'add', edit: 'edit', retire: 'retire', source: 'source', undo: 'undo' }),
  /** What an undo took back: the change it undid, by whom and when. */
  historyUndid: (action: string, who: string, at: string) => `(took back the ${action} by ${who} at ${at} UTC)`,
  /** When a time is shown: "2025-12-02 09:30". */
  timeOf,
  showVersion: (version: string) => `version: ${version} (an edit is checked against it)`,
  retiredMark: '(retired)',
  fieldLabels: FIELD_LABELS,
  none: '—',
  statusFacts: (all: number, active: number, sources: number) => `Facts: ${all} (${active} active, ${all - active} retired), citing ${sources} sources.`,
  statusVersion: (version: string, newest: string) => `Version ${version}; newest information from ${newest}.`,
  statusLastChange: (line: string) => `Last change from chat: ${line}`,
  statusNoChanges: 'No change from chat yet.',
  statusTranslations: (language: string, current: number, active: number, missing: number, stale: number) =>
    `Translations (${language}): ${current} of ${active} active facts current, ${missing} missing, ${stale} older than their English (the English answer is served meanwhile).`,
  statusStale: 'older than their English',
  statusNoProblems: 'No problems pending: the files on disk are what the bot serves.',
  statusProblems: (n: number) => `${n} problem(s) in the files on disk — the bot keeps serving the last good version until they are fixed:`,
  gapsLead: (days: number) => `Questions the bot could not answer in the last ${days} day(s), biggest gaps first:`,
  daysOutOfRange: (max: number) => `  (kb unanswered looks back 1 to ${max} days)`,
  gapsTruncated: (newest: number) => `  (only the newest ${newest} of them are grouped)`,
  noGaps: '  none — every question got an answer.',
  gapLine: (count: number, askers: number, example: string) => `  ${count}× (${askers} member${askers === 1 ? '' : 's'}) e.g. “${example}”`,
  ratingsLead: 'Ratings by fact (👍 / 👎), most disliked first:',
  noRatings: '  no ratings yet.',
  ratingLine: (id: string, up: number, down: number) => `  ${id}: 👍 ${up} / 👎 ${down}`,
  moderationOff: 'Moderator commands are not set up on this bot.',
  telegramPrivateOnly: (username: string) =>
    `Moderator commands work only in a private chat with me, so dialogues and reports stay out of the group. Open a chat with @${username} and send the command there.`,
  /** One line for a command typed almost right: what it needs, never the whole list. */
  badDays: (given: string, max: number) => `"${given}" is not a number of days: kb unanswered looks back 1 to ${max} days, e.g. "kb unanswered 30".`,
  needsId: (command: string) => `${command} needs a fact id, e.g. "${command} third-round-duration".`,
  sourceNeeds: 'fact source needs a fact id and the page’s address: fact source <id> <url> [title].',
  unknownField: (field: string, fields: readonly string[]) => `There is no field "${field}" to change. The fields are: ${fields.join(', ')}.`,
  fieldNeedsValue: (field: string) => `Give the new value after the field, e.g. "fact edit third-round-duration ${field} …" ("none" removes an optional field).`,
  usage: [
    'Moderator commands:',
    '  fact show <id> — every field of a fact',
    '  fact add — add a fact, one question at a time, with a preview before it is saved',
    '  fact edit <id> — change a fact the same way; "keep" keeps a value',
    '  fact edit <id> <field> <value> — change one field at once: answer, questions, caveat, url, source, title, publisher, published, asOf, round or tags ("none" removes an optional one)',
    '  fact retire <id> — stop serving a fact (kb undo brings it back)',
    '  fact source <id> <url> [title] — cite one more page',
    '  kb status — facts, sources, last change, problems',
    '  kb unanswered [days] — what members asked that got no answer',
    '  kb history <id> — every change to a fact',
    '  kb undo <id> — restore the version before the last change',
    'Example: fact edit third-round-duration round 3',
  ].join('\n'),
  /** Discord's /fact and /kb: command and option descriptions (at most 100 characters each). */
  discordCommands: Object.freeze({
    fact: 'Moderators: show, add, edit, retire or cite a fact',
    kb: 'Moderators: the fact base’s status, unanswered questions, history and undo',
    show: 'Every field of a fact',
    add: 'Add a fact (opens a form; you see the fact before it is saved)',
    edit: 'Change a fact (opens a form with its current values)',
    retire: 'Stop serving a fact (/kb undo brings it back)',
    source: 'Cite one more page for a fact',
    status: 'Facts, sources, last change and problems pending',
    unanswered: 'What members asked that got no answer, and each fact’s 👍 / 👎',
    history: 'Every change made to a fact from chat',
    undo: 'Restore the version before the last change',
    id: 'The fact’s id',
    url: 'The page’s address (https://…)',
    title: 'The page’s title',
    publisher: 'The publisher, e.g. Ukrainska Pravda',
    published: 'The page’s publication date, YYYY-MM-DD',
    days: (fallback: number) => `How many days back to look (default ${fallback})`,
  }),
  /** Discord's add/edit form: titles and labels at most 45 characters, hints and placeholders at most 100; buttons at most 80. */
  discordForm: Object.freeze({
    addTitle: 'Add a fact',
    editTitle: (id: string) => `Edit ${id}`,
    moreTitle: 'Round, tags and caveat',
    questions: 'Questions (at least three, one per line)',
    questionsHint: 'How members might ask it, e.g. "How long did the fourth round last?"',
    answer: 'Answer, in your own words',
    answerHint: 'Not copied from the article.',
    asOf: 'As of (YYYY-MM-DD)',
    asOfHint: 'The date the fact was true.',
    url: 'Source address (https://…)',
    newUrl: 'First source: new address (optional)',
    newUrlHint: 'Leave empty to keep the current address.',
    details: 'Source: title | publisher | date',
    detailsHint: 'Optional, e.g. Fourth round report | Example News | 2025-12-02',
    round: 'Round of talks (a number, optional)',
    roundHint: 'The highest round in the base is "the latest round". Empty: none (or keep, when editing).',
    tags: 'Tags (comma-separated, optional)',
    tagsHint: '"overview" puts the fact among the suggested questions.',
    caveat: 'Caveat (optional)',
    caveatHint: 'Where sources disagree: name both sides. "none" removes it when editing.',
    now: (value: string) => `Now: ${value}`,
    tooLongToShow: 'Too long to show here; leave empty to keep it.',
    save: 'Save',
    change: 'Change the form',
    more: 'Round, tags, caveat',
    cancel: 'Cancel',
    /** The form's draft is gone: saved, cancelled or forgotten (after the dialogue timeout). */
    draftGone: 'That draft is no longer open (it was saved, cancelled, or left too long). Run /fact add or /fact edit again.',
  }),
});

/** The guided add/edit dialogue in text chats, and the preview the Discord form shows too. */
export const DIALOGUE_MESSAGES = Object.freeze({
  addLead: 'Adding a fact. Answer each question; send "cancel" to stop. You will see the fact before anything is saved.',
  editLead: (id: string) =>
    `Editing "${id}". Send "keep" (or "-") to keep a value, "cancel" to stop; you will see the fact before anything is saved. To change a single field in one message: fact edit ${id} <field> <value>.`,
  cancelled: 'Cancelled — nothing was saved.',
  unchanged: 'You changed nothing, so nothing was saved.',
  required: 'This one is needed.',
  notTaken: 'That was not taken — please send it again:',
  notTakenForm: 'Not taken, so not in the draft yet — “Change the form” shows them as you typed them:',
  stepOf: (n: number, total: number) => `(${n} of ${total})`,
  skipHint: 'Send "skip" to leave it out.',
  keepHint: (current: string) => `Now: ${current}`,
  keepHow: 'Send "keep" to keep it.',
  clearHow: 'Send "none" to remove it.',
  needThreeQuestions: (n: number) => `Please give at least three phrasings, one per line or separated by | (got ${n}).`,
  notARound: 'must be a whole number, e.g. 4',
  idTaken: 'is taken by another fact: send "id" and another one, e.g. "id fourth-round-chair"',
  tooManyParts: 'write it as title | publisher | date, with at most two “|”',
  prompts: Object.freeze({
    questions: 'Which questions does this fact answer? At least three phrasings, one per line or separated by |; the first one a whole question ending in “?”.\nExample:\nHow long did the fourth round last?\nDuration of the fourth round\nHow many minutes was the fourth meeting?',
    answer: 'The answer, in your own words (not copied from the article):',
    url: 'The source page’s address (https://…):',
    source: 'The source’s title, publisher and publication date, as title | publisher | YYYY-MM-DD (leave any part empty):',
    asOf: 'The date the fact was true, for the "as of" line (YYYY-MM-DD):',
    round: 'Which round of the Istanbul talks is it about? A number (the highest round in the base is “the latest round”):',
    tags: 'Tags, separated by commas (e.g. fourth-round, duration; “overview” puts the fact among the suggested questions):',
  }),
  previewLead: (mode: 'add' | 'edit', id: string) => (mode === 'add' ? `The new fact "${id}", as members will see it:` : `"${id}" after your edit, as members will see it:`),
  previewDetails: 'Besides the answer:',
  previewChanged: (fields: readonly string[]) => `Changed: ${fields.join(', ')}.`,
  previewHow: 'Send "save" to save it, or "cancel". To change a field first, send its name and the new value, e.g. "round 4", "tags fourth-round, duration", "caveat …".',
  previewFields: (fields: readonly string[]) => `Fields: ${fields.join(', ')}.`,
  previewBlocked: 'It cannot be saved as it is:',
  previewBlockedHow: 'Send the field’s name and a new value to fix it, or "cancel".',
  draftKept: 'Your draft is kept: send "save" to try again, a field’s name and a new value to change it, or "cancel".',
  rebased: 'Your changes now apply to the version saved meanwhile, shown below. Send "save" to save them over it, or "cancel".',
  notUnderstood: 'I did not understand that. Send "save", "cancel", or a field’s name and its new value.',
  /** The words a moderator sends (and the Telegram keyboard's buttons); every language's words are understood in any (fields.ts isWord). */
  words: Object.freeze({ save: 'save', cancel: 'cancel', keep: 'keep', skip: 'skip', none: 'none' }),
});

/**
 * Every moderator sentence in each language, the same keys in each: English above, Ukrainian and
 * Russian in moderator-text.ts. A moderator reads replies in their app's or client's language.
 */
export const MOD_TEXT: Readonly<Record<Language, ModText>> = Object.freeze({ en: MOD_MESSAGES, ...MOD_TRANSLATIONS });
export const DIALOGUE_TEXT: Readonly<Record<Language, DialogueText>> = Object.freeze({ en: DIALOGUE_MESSAGES, ...DIALOGUE_TRANSLATIONS });

/** The moderator catalogues for a language: every formatter asks here. */
export function moderatorText(lang: Language = 'en'): { mod: ModText; dialogue: DialogueText } {
  return { mod: MOD_TEXT[lang], dialogue: DIALOGUE_TEXT[lang] };
}

/** The web console's sign-in, as the bot says it in chat (the console's own pages carry their wording). */
export const CONSOLE_MESSAGES = Object.freeze({
  link: (url: string, minutes: number) => `Your sign-in link to the moderators' console (works once, for ${minutes} minutes; do not share it):\n${url}`,
  off: 'The moderators’ web console is not set up on this bot (whoever runs it sets CONSOLE_PORT and CONSOLE_URL).',
  notModerator: 'Only moderators can open the moderators’ console.',
  privateOnly: 'Ask for the console link in a private chat with me, so nobody else sees it.',
  discordCommand: 'Moderators: a one-time sign-in link to the web console',
});

interface ConsoleText {
  link: (url: string, minutes: number) => string;
  off: string;
  notModerator: string;
  privateOnly: string;
}

/** The sign-in messages in each language a moderator's app may use. */
export const CONSOLE_TEXT: Readonly<Record<Language, ConsoleText>> = Object.freeze({
  en: CONSOLE_MESSAGES,
  uk: Object.freeze({
    link: (url: string, minutes: number) => `Ваше посилання для входу до консолі модераторів (спрацює один раз, протягом ${minutes} хв; нікому його не пересилайте):\n${url}`,
    off: 'Веб-консоль модераторів для цього бота не налаштована (її вмикає той, хто запускає бота, змінними CONSOLE_PORT і CONSOLE_URL).',
    notModerator: 'Відкрити консоль модераторів можуть лише модератори.',
    privateOnly: 'Попросіть посилання на консоль в особистому чаті зі мною, щоб його ніхто інший не побачив.',
  }),
  ru: Object.freeze({
    link: (url: string, minutes: number) => `Ваша ссылка для входа в консоль модераторов (сработает один раз, в течение ${minutes} мин; никому её не пересылайте):\n${url}`,
    off: 'Веб-консоль модераторов для этого бота не настроена (её включает тот, кто запускает бота, переменными CONSOLE_PORT и CONSOLE_URL).',
    notModerator: 'Открыть консоль модераторов могут только модераторы.',
    privateOnly: 'Попросите ссылку на консоль в личном чате со мной, чтобы её никто другой не увидел.',
  }),
});
