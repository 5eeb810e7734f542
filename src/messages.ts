// Every sentence the bot says to people, in one place, so wording is reviewed and changed once.
export const MESSAGES = Object.freeze({
  declined: 'I have no verified answer to that. I only answer from checked, cited facts about the Russia–Ukraine talks in Istanbul.',
  declineSuggestionsLead: 'You could ask, for example:',
  ambiguous: 'I’m not sure — did you mean one of these?',
  empty: 'Please ask a question about the Russia–Ukraine talks in Istanbul.',
  trimmed: (limit: number) => `Your question was long, so I read only its first ${limit} characters.`,
  sourcesDiffer: 'Sources differ:',
  asOf: (date: string) => `as of ${date}`,
  dateUnknown: 'date not stated',
  publisherUnknown: 'publisher not stated',
  seeAlsoLead: 'Related questions:',
  help: [
    'I answer questions about the Russia–Ukraine peace talks in Istanbul (May–November 2025),',
    'only from verified facts, and I always cite my sources and how fresh they are.',
    'If I have no verified answer, I say so.',
  ].join(' '),
  helpExamplesLead: 'Try, for example:',
  sourcesLead: (count: number, newest: string) => `The fact base cites ${count} articles; its newest information is from ${newest}.`,
  apology: 'Sorry — something went wrong on my side while answering. Please try again in a moment.',
  consoleWelcome: 'Istanbul talks bot — offline console. Ask a question, /help for help, /sources for the articles, /quit to leave.',
  consoleBye: 'Goodbye.',
});
