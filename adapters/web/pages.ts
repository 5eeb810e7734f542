// The console's pages as HTML: pure functions of what the routes looked up. Every piece of fact
// text, question and name passes through `html`, which escapes it; the Telegram preview is the
// Telegram formatter's own output, whose text that formatter escaped.
import type { Fact, Language } from '../../src/index.js';
import { html, trusted, type Html } from './html.js';
import { fieldOf, type FormValues } from './fact-form.js';

export interface Moderator {
  platform: string;
  id: string;
  name: string;
}

export interface Frame {
  moderator: Moderator;
  csrf: string;
}

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', uk: 'Українська', ru: 'Русский' };

export function page(title: string, body: Html, frame?: Frame): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${frame ? html`<meta name="csrf-token" content="${frame.csrf}">` : ''}
<title>${title} · Istanbul talks bot</title>
<link rel="stylesheet" href="/static/console.css">
<script src="/static/console.js" defer></script>
</head>
<body>
<header>
  <strong>Istanbul talks bot · moderators</strong>
  ${
    frame
      ? html`<nav aria-label="Console">
    <a href="/">Facts</a> <a href="/unanswered">Unanswered</a> <a href="/feedback">Feedback</a> <a href="/history">History</a>
  </nav>
  <form method="post" action="/signout" class="inline">
    <input type="hidden" name="_csrf" value="${frame.csrf}">
    <span>${frame.moderator.name} (${frame.moderator.platform})</span> <button type="submit">Sign out</button>
  </form>`
      : ''
  }
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`.text;
}

export function notice(title: string, text: string): string {
  return page(title, html`<p>${text}</p>`);
}

export interface FactRow {
  fact: Fact;
  topic: string;
  /** Per language: current, stale (older than its English) or missing. */
  translations: Record<'uk' | 'ru', 'current' | 'stale' | 'missing'>;
}

export interface FactFilters {
  q: string;
  topic: string;
  round: string;
  status: string;
  translation: string;
}

export function factsPage(frame: Frame, rows: readonly FactRow[], filters: FactFilters, topics: readonly string[], rounds: readonly number[]): string {
  const option = (value: string, label: string, current: string) => html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
  return page(
    'Facts',
    html`<form method="get" action="/" class="filters" role="search">
  <span><label for="filter-q">Search</label> <input id="filter-q" type="search" name="q" value="${filters.q}"></span>
  <span><label for="filter-topic">Topic</label> <select id="filter-topic" name="topic">${option('', 'any', filters.topic)}${topics.map((t) => option(t, t, filters.topic))}</select></span>
  <span><label for="filter-round">Round</label> <select id="filter-round" name="round">${option('', 'any', filters.round)}${rounds.map((r) => option(String(r), String(r), filters.round))}</select></span>
  <span><label for="filter-status">Status</label> <select id="filter-status" name="status">${option('', 'any', filters.status)}${option('active', 'active', filters.status)}${option('retired', 'retired', filters.status)}</select></span>
  <span><label for="filter-translation">Translation</label> <select id="filter-translation" name="translation">${option('', 'any', filters.translation)}${option('missing', 'missing', filters.translation)}${option('stale', 'stale', filters.translation)}</select></span>
  <button type="submit">Filter</button>
</form>
<p><a href="/facts/new">New fact</a> · ${rows.length} fact(s)</p>
<table>
<thead><tr><th>Fact</th><th>Topic</th><th>Round</th><th>Status</th><th>Українська</th><th>Русский</th></tr></thead>
<tbody>
${rows.map(
  ({ fact, topic, translations }) => html`<tr>
<td><a href="/facts/${encodeURIComponent(fact.id)}">${fact.questions[0] ?? fact.id}</a><br><small>${fact.id}</small></td>
<td>${topic}</td><td>${fact.round ?? ''}</td><td>${fact.status}</td>
<td class="${translations.uk}">${translations.uk}</td><td class="${translations.ru}">${translations.ru}</td>
</tr>`,
)}
</tbody>
</table>`,
    frame,
  );
}

export interface TranslationView {
  lang: 'uk' | 'ru';
  state: 'current' | 'stale' | 'missing';
  questions: readonly string[];
  answer?: string;
  caveat?: string;
}

export interface Preview {
  /** Telegram's HTML, as the Telegram adapter lays the answer out. */
  telegram: string;
  /** The Discord embed's parts, as the Discord adapter lays the answer out. */
  discord: { title?: string; description?: string; fields: { name: string; value: string }[]; footer?: string };
}

export interface FactPageState {
  /** The fact as saved; undefined for a new one. */
  saved?: Fact;
  values: FormValues;
  /** The version an edit was started from. */
  key: string;
  problems: readonly { field?: string; message: string }[];
  message?: string;
  translations: readonly TranslationView[];
  preview?: Preview;
}

const FIELDS: readonly { name: string; label: string; kind: 'text' | 'area' | 'date'; hint?: string }[] = [
  { name: 'questions', label: 'Questions', kind: 'area', hint: 'One a line; the first is a whole question ending in “?”, at least three.' },
  { name: 'answer', label: 'Answer', kind: 'area' },
  { name: 'caveat', label: 'Caveat', kind: 'area', hint: 'Where sources disagree: a sentence naming both sides. Optional.' },
  { name: 'sources', label: 'Sources', kind: 'area', hint: 'One a line: https://address | title | publisher | YYYY-MM-DD' },
  { name: 'asOf', label: 'As of', kind: 'date', hint: 'YYYY-MM-DD: when the fact was true.' },
  { name: 'round', label: 'Round', kind: 'text', hint: 'The round of talks, a number; empty for none.' },
  { name: 'years', label: 'Years', kind: 'text', hint: 'The years the fact speaks of, e.g. 2022, 2024; empty: the year of “as of”.' },
  { name: 'timeline', label: 'Timeline line', kind: 'text', hint: 'Its one line in /timeline; empty: not an event.' },
  { name: 'tags', label: 'Tags', kind: 'text', hint: 'Separated by commas.' },
];

export function factPage(frame: Frame, state: FactPageState): string {
  const isNew = state.saved === undefined;
  const problemsOf = (field: string) => state.problems.filter((p) => fieldOf(p.field) === field);
  const field = ({ name, label, kind, hint }: (typeof FIELDS)[number]) => {
    const problems = problemsOf(name);
    const value = state.values[name] ?? '';
    const described = html`${hint ? `hint-${name}` : ''} problem-${name}`;
    const control =
      kind === 'area'
        ? html`<textarea id="field-${name}" name="${name}" rows="${name === 'answer' || name === 'questions' ? 6 : 3}" aria-describedby="${described}"${problems.length ? html` aria-invalid="true"` : ''}>${value}</textarea>`
        : html`<input id="field-${name}" name="${name}" type="text" value="${value}" aria-describedby="${described}"${problems.length ? html` aria-invalid="true"` : ''}>`;
    return html`<div class="field">
  <label for="field-${name}">${label}</label>
  ${control}
  ${hint ? html`<small id="hint-${name}">${hint}</small>` : ''}
  <p class="problem" id="problem-${name}" role="alert">${problems.map((p) => html`${p.field && p.field !== name ? html`${p.field}: ` : ''}${p.message} `)}</p>
</div>`;
  };
  const title = isNew ? 'New fact' : `Fact ${state.values.id ?? ''}`;
  const tabs: readonly Language[] = ['en', 'uk', 'ru'];
  return page(
    title,
    html`${state.message ? html`<p class="message" role="status">${state.message}</p>` : ''}
${state.problems.some((p) => !FIELDS.some((f) => f.name === fieldOf(p.field))) ? html`<p class="problem" role="alert">${state.problems.filter((p) => !FIELDS.some((f) => f.name === fieldOf(p.field))).map((p) => html`${p.field ? `${p.field}: ` : ''}${p.message} `)}</p>` : ''}
<div role="tablist" aria-label="Languages">
${tabs.map((lang, i) => html`<button type="button" role="tab" id="tab-${lang}" aria-controls="panel-${lang}" aria-selected="${i === 0 ? 'true' : 'false'}">${LANGUAGE_NAMES[lang]}</button>`)}
</div>
<section role="tabpanel" id="panel-en" aria-labelledby="tab-en">
<form method="post" action="${isNew ? '/facts' : `/facts/${encodeURIComponent(state.values.id ?? '')}`}" id="fact-form" data-mode="${isNew ? 'add' : 'edit'}">
  <input type="hidden" name="_csrf" value="${frame.csrf}">
  <input type="hidden" name="key" value="${state.key}">
  <input type="hidden" name="status" value="${state.values.status ?? 'active'}">
  ${
    isNew
      ? html`<div class="field"><label for="field-id">Id</label><input id="field-id" name="id" type="text" value="${state.values.id ?? ''}" aria-describedby="hint-id problem-id"><small id="hint-id">Lower-case words joined by hyphens, e.g. fourth-round-chair.</small><p class="problem" id="problem-id" role="alert">${problemsOf('id').map((p) => p.message)}</p></div>`
      : html`<input type="hidden" name="id" value="${state.values.id ?? ''}">`
  }
  ${FIELDS.map(field)}
  <button type="submit">Save</button>
</form>
${
  isNew || state.saved?.status === 'retired'
    ? ''
    : html`<form method="post" action="/facts/${encodeURIComponent(state.values.id ?? '')}/retire" class="inline">
  <input type="hidden" name="_csrf" value="${frame.csrf}"><input type="hidden" name="key" value="${state.key}">
  <button type="submit" class="danger">Retire</button>
</form>`
}
${state.saved?.status === 'retired' ? html`<p>This fact is retired: it is not served. Set it active again from History (undo) or save it with status active.</p>` : ''}
</section>
${state.translations.map(
  (t) => html`<section role="tabpanel" id="panel-${t.lang}" aria-labelledby="tab-${t.lang}" hidden>
  <p class="translation-state ${t.state}">${t.state === 'current' ? 'Current: translated from this English version.' : t.state === 'stale' ? 'Stale: the English changed after this translation; it needs renewing.' : 'Missing: no translation yet; the English answer is served.'}</p>
  ${
    t.state === 'missing'
      ? ''
      : html`<h2>Questions</h2><ul>${t.questions.map((q) => html`<li>${q}</li>`)}</ul><h2>Answer</h2><p lang="${t.lang}">${t.answer ?? ''}</p>${t.caveat ? html`<h2>Caveat</h2><p lang="${t.lang}">${t.caveat}</p>` : ''}`
  }
</section>`,
)}
<section aria-labelledby="preview-title" class="preview">
<h2 id="preview-title">Preview</h2>
<div class="previews">
  <figure><figcaption>As Telegram shows it</figcaption><div class="telegram" id="preview-telegram">${state.preview ? trusted(state.preview.telegram.replace(/\n/g, '<br>')) : ''}</div></figure>
  <figure><figcaption>As Discord shows it</figcaption><div class="discord" id="preview-discord">${state.preview ? discordPreview(state.preview.discord) : ''}</div></figure>
</div>
</section>`,
    frame,
  );
}

function discordPreview(embed: Preview['discord']): Html {
  return html`${embed.title ? html`<p class="embed-title">${embed.title}</p>` : ''}<p>${embed.description ?? ''}</p>${embed.fields.map((f) => html`<p><strong>${f.name}</strong><br>${f.value}</p>`)}${embed.footer ? html`<p><small>${embed.footer}</small></p>` : ''}`;
}

export interface GapView {
  example: string;
  count: number;
  askers: number;
  lastAsked: string;
}

export function unansweredPage(frame: Frame, days: number, gaps: readonly GapView[], factIds: readonly string[]): string {
  return page(
    'Unanswered questions',
    html`<p>Questions the bot declined or was unsure about in the last ${days} days, grouped by likeness, biggest group first.</p>
<datalist id="fact-ids">${factIds.map((id) => html`<option value="${id}">`)}</datalist>
${gaps.length === 0 ? html`<p>None.</p>` : ''}
<ol class="gaps">
${gaps.map(
  (gap) => html`<li>
  <p><q>${gap.example}</q> — asked ${gap.count} time(s) by ${gap.askers} member(s), last ${gap.lastAsked.slice(0, 10)}</p>
  <a href="/facts/new?questions=${encodeURIComponent(gap.example)}">New fact from these</a>
  <form method="post" action="/unanswered/cover" class="inline">
    <input type="hidden" name="_csrf" value="${frame.csrf}"><input type="hidden" name="question" value="${gap.example}">
    <label>Covered by <input name="factId" list="fact-ids" required></label>
    <button type="submit">Add as a phrasing</button>
  </form>
</li>`,
)}
</ol>`,
    frame,
  );
}

export interface RatingView {
  factId: string;
  question: string;
  up: number;
  down: number;
  /** The questions members asked before a recent 👎. */
  downQuestions: readonly string[];
}

export function feedbackPage(frame: Frame, ratings: readonly RatingView[]): string {
  return page(
    'Feedback',
    html`<table>
<thead><tr><th>Fact</th><th>👍</th><th>👎</th><th>Asked before a recent 👎</th></tr></thead>
<tbody>
${ratings.map(
  (r) => html`<tr><td><a href="/facts/${encodeURIComponent(r.factId)}">${r.question}</a><br><small>${r.factId}</small></td><td>${r.up}</td><td>${r.down}</td>
<td><ul>${r.downQuestions.map((q) => html`<li>${q}</li>`)}</ul></td></tr>`,
)}
</tbody>
</table>
${ratings.length === 0 ? html`<p>No ratings yet.</p>` : ''}`,
    frame,
  );
}

export interface ChangeView {
  at: string;
  moderator: string;
  action: string;
  factId: string;
  /** Field by field: what it was and what it became. */
  diff: readonly { field: string; before: string; after: string }[];
  /** Undo restores what this change replaced: offered on each fact's newest change not undone. */
  undoable: boolean;
}

export function historyPage(frame: Frame, changes: readonly ChangeView[]): string {
  return page(
    'History',
    html`${changes.length === 0 ? html`<p>No changes recorded yet.</p>` : ''}
<ol class="history" reversed>
${changes.map(
  (c) => html`<li>
  <p><time datetime="${c.at}">${c.at.replace('T', ' ').slice(0, 16)}</time> · ${c.moderator} · <strong>${c.action}</strong> · <a href="/facts/${encodeURIComponent(c.factId)}">${c.factId}</a></p>
  <table class="diff"><thead><tr><th>Field</th><th>Before</th><th>After</th></tr></thead><tbody>
  ${c.diff.map((d) => html`<tr><td>${d.field}</td><td><del>${d.before}</del></td><td><ins>${d.after}</ins></td></tr>`)}
  </tbody></table>
  ${
    c.undoable
      ? html`<form method="post" action="/history/${encodeURIComponent(c.factId)}/undo" class="inline"><input type="hidden" name="_csrf" value="${frame.csrf}"><button type="submit">Undo</button></form>`
      : ''
  }
</li>`,
)}
</ol>`,
    frame,
  );
}
