// What the adapters say outside an answer — help, welcome, the timeline's words and buttons, the
// slow-down notice, apologies — in each language, picked by the asker's app or client language.
// One catalogue per language with the same keys, as for the answers (answer-text.ts).
import type { Language } from './language.js';
import { MESSAGES } from './messages.js';

export interface UiText {
  help: string;
  helpExamplesLead: string;
  telegramWelcome: string;
  telegramHowTo: (username: string) => string;
  discordHowTo: string;
  sourcesLead: (count: number, updated: string) => string;
  timelineLead: (total: number, filter: string) => string;
  timelineEmpty: (filter: string) => string;
  timelinePage: (page: number, pages: number) => string;
  timelineHint: string;
  previousPage: string;
  nextPage: string;
  latestLead: string;
  latestEmpty: string;
  slowDown: string;
  apology: string;
  feedbackThanks: string;
  staleButton: string;
}

const ENGLISH: UiText = {
  help: MESSAGES.help,
  helpExamplesLead: MESSAGES.helpExamplesLead,
  telegramWelcome: MESSAGES.telegramWelcome,
  telegramHowTo: MESSAGES.telegramHowTo,
  discordHowTo: MESSAGES.discordHowTo,
  sourcesLead: MESSAGES.sourcesLead,
  timelineLead: MESSAGES.timelineLead,
  timelineEmpty: MESSAGES.timelineEmpty,
  timelinePage: MESSAGES.timelinePage,
  timelineHint: MESSAGES.timelineHint,
  previousPage: MESSAGES.previousPage,
  nextPage: MESSAGES.nextPage,
  latestLead: MESSAGES.latestLead,
  latestEmpty: MESSAGES.latestEmpty,
  slowDown: MESSAGES.slowDown,
  apology: MESSAGES.apology,
  feedbackThanks: MESSAGES.feedbackThanks,
  staleButton: MESSAGES.staleButton,
};

const UKRAINIAN: UiText = {
  help: 'Я відповідаю на запитання про мирні переговори Росії та України в Стамбулі — раунд 2022 року, раунди 2025 року і переговори після них — лише на основі перевірених фактів і завжди вказую джерела та дату, станом на яку інформація актуальна. Якщо перевіреної відповіді немає, я так і кажу.',
  helpExamplesLead: 'Спробуйте, наприклад:',
  telegramWelcome: 'Вітаю! Я відповідаю на запитання про мирні переговори Росії та України в Стамбулі на основі перевірених фактів із джерелами. Просто напишіть мені своє запитання.',
  telegramHowTo: (username) =>
    [
      'У приватному чаті зі мною просто напишіть запитання.',
      `У групі напишіть /ask і запитання, згадайте @${username} або дайте відповідь на моє повідомлення.`,
      `У будь-якому чаті наберіть @${username} і запитання, щоб поділитися відповіддю.`,
    ].join('\n'),
  discordHowTo: 'Скористайтеся /ask із запитанням (додайте private:true, щоб відповідь бачили лише ви), згадайте мене із запитанням або напишіть мені в особисті. /timeline показує переговори по черзі, /latest — найновіші факти, /sources — статті, на які я посилаюся.',
  sourcesLead: (count, updated) => `База фактів посилається на ${count} статей; востаннє її оновлено ${updated}.`,
  timelineLead: (total, filter) =>
    filter ? `Хронологія переговорів — подій за запитом «${filter}»: ${total}, від найдавніших:` : `Хронологія переговорів — подій: ${total}, від найдавніших:`,
  timelineEmpty: (filter) =>
    `Жодна подія хронології не відповідає запиту «${filter}». Спробуйте рік (/timeline 2022) чи одне слово (/timeline обмін) або просто /timeline.`,
  timelinePage: (page, pages) => `Сторінка ${page} з ${pages}`,
  timelineHint: 'Звузити: /timeline 2022, /timeline обмін, /timeline 2025 саміт.',
  previousPage: '◀ Раніше',
  nextPage: 'Пізніше ▶',
  latestLead: 'Найновіші факти бази, від найновішого (натисніть, щоб отримати повну відповідь):',
  latestEmpty: 'У базі ще немає фактів.',
  slowDown: 'Ви запитуєте швидше, ніж я встигаю відповідати, — зачекайте, будь ласка, хвилину перед наступним запитанням.',
  apology: 'Вибачте — під час відповіді в мене щось пішло не так. Спробуйте ще раз за мить.',
  feedbackThanks: 'Дякую — ваш відгук записано для модераторів.',
  staleButton: 'Ця кнопка більше не працює. Поставте, будь ласка, запитання ще раз.',
};

const RUSSIAN: UiText = {
  help: 'Я отвечаю на вопросы о мирных переговорах России и Украины в Стамбуле — раунде 2022 года, раундах 2025 года и переговорах после них — только на основе проверенных фактов и всегда указываю источники и дату, по состоянию на которую информация актуальна. Если проверенного ответа нет, я так и говорю.',
  helpExamplesLead: 'Попробуйте, например:',
  telegramWelcome: 'Здравствуйте! Я отвечаю на вопросы о мирных переговорах России и Украины в Стамбуле на основе проверенных фактов с источниками. Просто напишите мне свой вопрос.',
  telegramHowTo: (username) =>
    [
      'В личном чате со мной просто напишите вопрос.',
      `В группе напишите /ask и вопрос, упомяните @${username} или ответьте на моё сообщение.`,
      `В любом чате наберите @${username} и вопрос, чтобы поделиться ответом.`,
    ].join('\n'),
  discordHowTo: 'Воспользуйтесь /ask с вопросом (добавьте private:true, чтобы ответ видели только вы), упомяните меня с вопросом или напишите мне в личные сообщения. /timeline показывает переговоры по порядку, /latest — самые новые факты, /sources — статьи, на которые я ссылаюсь.',
  sourcesLead: (count, updated) => `База фактов ссылается на ${count} статей; последний раз она обновлена ${updated}.`,
  timelineLead: (total, filter) =>
    filter ? `Хронология переговоров — событий по запросу «${filter}»: ${total}, от самых ранних:` : `Хронология переговоров — событий: ${total}, от самых ранних:`,
  timelineEmpty: (filter) =>
    `Ни одно событие хронологии не подходит под запрос «${filter}». Попробуйте год (/timeline 2022) или одно слово (/timeline обмен) либо просто /timeline.`,
  timelinePage: (page, pages) => `Страница ${page} из ${pages}`,
  timelineHint: 'Сузить: /timeline 2022, /timeline обмен, /timeline 2025 саммит.',
  previousPage: '◀ Раньше',
  nextPage: 'Позже ▶',
  latestLead: 'Самые новые факты базы, от самого нового (нажмите, чтобы получить полный ответ):',
  latestEmpty: 'В базе ещё нет фактов.',
  slowDown: 'Вы спрашиваете быстрее, чем я успеваю отвечать, — подождите, пожалуйста, минуту перед следующим вопросом.',
  apology: 'Извините — при ответе у меня что-то пошло не так. Попробуйте ещё раз через мгновение.',
  feedbackThanks: 'Спасибо — ваш отзыв записан для модераторов.',
  staleButton: 'Эта кнопка больше не работает. Пожалуйста, задайте вопрос ещё раз.',
};

export const UI_TEXT: Readonly<Record<Language, UiText>> = Object.freeze({ en: ENGLISH, uk: UKRAINIAN, ru: RUSSIAN });
