// The moderators' web console: fastify with its maintained plugins for cookies, sessions, CSRF,
// forms, static files and rate limits. Every request checks the session and that its moderator is
// still one; every write carries the CSRF token and goes through the same FactStore (validation
// against the whole base, lock, audit) as chat edits, then is served at once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  checkFact,
  CONSOLE_ACCESS,
  consoleAddress,
  createNormalizer,
  englishFingerprint,
  factKey,
  isTelegramModerator,
  MODERATION,
  ratings,
  TRANSLATED_LANGUAGES,
  unansweredGaps,
  undoOf,
  type ActivityLog,
  type AuditEntry,
  type BotCore,
  type Config,
  type ConsoleSessions,
  type Fact,
  type FactInput,
  type FactStore,
  type Logger,
  type SignInLinks,
  type WriteResult,
} from '../../src/index.js';
import { formatAnswer } from '../discord/format.js';
import { formatResult } from '../telegram/format.js';
import { factFromForm, formFromFact, type FormValues } from './fact-form.js';
import {
  factPage,
  factsPage,
  feedbackPage,
  historyPage,
  notice,
  unansweredPage,
  type ChangeView,
  type FactPageState,
  type FactRow,
  type Frame,
  type Moderator,
  type Preview,
  type TranslationView,
} from './pages.js';
import { sessionStoreOn } from './session-store.js';

export interface ConsoleDeps {
  core: BotCore;
  config: Config;
  logger: Logger;
  store: FactStore;
  activity: ActivityLog;
  links: SignInLinks;
  sessions: ConsoleSessions;
  /** The key session cookies are signed with. */
  secret: string;
}

declare module 'fastify' {
  interface Session {
    moderator?: Moderator;
    signedInAt?: number;
  }
}

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** A moderator's role is checked on every request, not only at sign-in: one removed from MODERATOR_TELEGRAM_IDS is out at once. */
function stillModerator(moderator: Moderator, config: Config): boolean {
  switch (moderator.platform) {
    case 'telegram':
      return isTelegramModerator(moderator.id, config);
    // Discord's roles live in each server, which the console cannot ask: the check made when the
    // link was issued (Manage Server or DISCORD_MODERATOR_ROLE) holds for the session.
    case 'discord':
      return true;
    default:
      return false;
  }
}

export async function buildConsoleApp(deps: ConsoleDeps): Promise<FastifyInstance> {
  const { core, config, store, activity, links } = deps;
  // One proxy in front at most (it says the original protocol); an X-Forwarded-For a client writes itself is not trusted further.
  // Stopping closes every connection, a browser's kept-alive ones too: a stop must not wait on an open tab.
  const app = Fastify({ trustProxy: (_address: string, hop: number) => hop === 0, logger: false, forceCloseConnections: true });
  const secure = consoleAddress(config)?.startsWith('https:') ? 'auto' : false;
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: deps.secret,
    cookieName: 'console_session',
    cookie: { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: CONSOLE_ACCESS.sessionMs },
    rolling: false,
    saveUninitialized: false,
    store: sessionStoreOn(deps.sessions),
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyFormbody);
  // Counted by the connection's own address: a forwarded address is the client's to choose.
  await app.register(fastifyRateLimit, { global: false, keyGenerator: (request) => request.socket.remoteAddress ?? 'unknown' });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/' });

  app.addHook('onSend', async (_request, reply) => {
    // No inline script or style, nothing from elsewhere, no framing; the sign-in token never leaves as a Referer.
    reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err }, 'console request failed');
    const text =
      err.code === 'FST_CSRF_MISSING_SECRET' || err.code === 'FST_CSRF_INVALID_TOKEN'
        ? 'This form has expired or did not come from the console. Go back, reload the page and try again.'
        : status === 429
          ? 'Too many sign-in attempts from here. Wait a minute, then open a new link.'
          : status >= 500
            ? 'Something went wrong on our side. Please try again in a moment.'
            : err.message;
    return reply.status(status).type('text/html').send(notice('Not done', text));
  });

  /** The signed-in moderator, or a refusal sent; every page and write goes through it. */
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<Frame | undefined> => {
    const { moderator, signedInAt } = request.session;
    if (moderator && signedInAt !== undefined && Date.now() - signedInAt < CONSOLE_ACCESS.sessionMs && stillModerator(moderator, config)) {
      return { moderator, csrf: reply.generateCsrf() };
    }
    await reply.status(401).type('text/html').send(notice('Sign in', 'Send /console to the bot (in a private chat on Telegram, or in Discord) for a sign-in link.'));
    return undefined;
  };
  // After the body is parsed, since a form carries its token in the body (_csrf); scripts send the header.
  const writes = { preHandler: app.csrfProtection };
  app.get('/favicon.ico', (_request, reply) => reply.status(204).send());

  // No HEAD twin: a link checker's HEAD must not use up a one-time link.
  app.get('/signin', { exposeHeadRoute: false, config: { rateLimit: { max: CONSOLE_ACCESS.signInsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = strings(request.query).token ?? '';
    const moderator = token ? await links.redeem(token, Date.now()) : undefined;
    if (!moderator || !stillModerator(moderator, config)) {
      return reply.status(403).type('text/html').send(notice('Link not valid', 'This sign-in link has expired or was used already. Send /console to the bot for a new one.'));
    }
    // A fresh session id at sign-in: an id planted before it is worth nothing after.
    await request.session.regenerate();
    request.session.moderator = moderator;
    request.session.signedInAt = Date.now();
    return reply.redirect('/', 303);
  });

  app.post('/signout', writes, async (request, reply) => {
    await request.session.destroy();
    return reply.type('text/html').send(notice('Signed out', 'You are signed out. Send /console to the bot to sign in again.'));
  });

  app.get('/', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const query = strings(request.query);
    const filters = { q: query.q ?? '', topic: query.topic ?? '', round: query.round ?? '', status: query.status ?? '', translation: query.translation ?? '' };
    const all = factRows(core);
    const needle = filters.q.trim().toLowerCase();
    const rows = all.filter(
      ({ fact, topic, translations }) =>
        (!needle || [fact.id, fact.answer, ...fact.questions].some((text) => text.toLowerCase().includes(needle))) &&
        (!filters.topic || topic === filters.topic) &&
        (!filters.round || String(fact.round ?? '') === filters.round) &&
        (!filters.status || fact.status === filters.status) &&
        (!filters.translation || Object.values(translations).includes(filters.translation as 'missing' | 'stale')),
    );
    const topics = [...new Set(all.map((r) => r.topic))].sort();
    const rounds = [...new Set(all.flatMap((r) => (r.fact.round === undefined ? [] : [r.fact.round])))].sort((a, b) => a - b);
    return reply.type('text/html').send(factsPage(frame, rows, filters, topics, rounds));
  });

  app.get('/facts/new', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const questions = strings(request.query).questions ?? '';
    const values: FormValues = { questions, status: 'active' };
    return reply.type('text/html').send(factPage(frame, { values, key: '', problems: [], translations: [] }));
  });

  app.get('/facts/:id', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const fact = factById(core, (request.params as { id: string }).id);
    if (!fact) return reply.status(404).type('text/html').send(notice('No such fact', 'There is no fact with this id. Go back to the list of facts.'));
    const saved = strings(request.query).saved !== undefined;
    return reply.type('text/html').send(factPage(frame, stateOf(core, fact, { message: saved ? 'Saved. Members get the new answer now.' : undefined })));
  });

  /** Checks the form as it is typed: the schema's problems by field, and the answer as each platform will show it. */
  app.post('/api/check', writes, async (request, reply) => {
    if (!(await signedIn(request, reply))) return reply;
    const raw = factFromForm(strings(request.body));
    const checked = checkFact(raw);
    return reply.send(checked.ok ? { problems: [], preview: previewOf(core, checked.fact) } : { problems: checked.problems });
  });

  const save = async (request: FastifyRequest, reply: FastifyReply, mode: 'add' | 'edit') => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const values = strings(request.body);
    const existing = mode === 'edit' ? factById(core, (request.params as { id: string }).id) : undefined;
    if (mode === 'edit' && !existing) return reply.status(404).type('text/html').send(notice('No such fact', 'There is no fact with this id.'));
    const checked = checkFact(factFromForm(existing ? { ...values, id: existing.id } : values));
    const again = (problems: FactPageState['problems'], message?: string) =>
      reply
        .status(422)
        .type('text/html')
        .send(factPage(frame, { ...stateOf(core, existing, { message }), values, key: values.key ?? '', problems }));
    if (!checked.ok) return again(checked.problems, 'Nothing was saved: see the fields marked below.');
    const result = await store.put(checked.fact as FactInput, frame.moderator, mode, mode === 'add' ? null : (values.key ?? ''));
    const refusal = refusalOf(result);
    if (refusal) return again(refusal.problems, refusal.message);
    if (result.ok) core.replace(result.base);
    return reply.redirect(`/facts/${encodeURIComponent(checked.fact.id)}?saved`, 303);
  };
  app.post('/facts', writes, (request, reply) => save(request, reply, 'add'));
  app.post('/facts/:id', writes, (request, reply) => save(request, reply, 'edit'));

  app.post('/facts/:id/retire', writes, async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const fact = factById(core, (request.params as { id: string }).id);
    if (!fact) return reply.status(404).type('text/html').send(notice('No such fact', 'There is no fact with this id.'));
    const result = await store.put({ ...fact, status: 'retired' }, frame.moderator, 'retire', strings(request.body).key ?? '');
    return afterWrite(reply, result, `/facts/${encodeURIComponent(fact.id)}?saved`);
  });

  app.get('/unanswered', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const days = Math.min(Math.max(Number(strings(request.query).days) || MODERATION.unansweredDays, 1), MODERATION.unansweredMaxDays);
    const since = new Date(Date.now() - days * 86_400_000);
    const { gaps } = unansweredGaps(await activity.questions.readAll(), createNormalizer(core.base.vocabulary), since);
    const ids = core.base.facts.filter((f) => f.status === 'active').map((f) => f.id);
    return reply.type('text/html').send(unansweredPage(frame, days, gaps, ids));
  });

  app.post('/unanswered/cover', writes, async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const { factId = '', question = '' } = strings(request.body);
    const fact = factById(core, factId.trim());
    if (!fact) return reply.status(404).type('text/html').send(notice('No such fact', `There is no fact "${factId}". Go back and pick one from the list.`));
    const result = await store.put({ ...fact, questions: [...fact.questions, question.trim()] }, frame.moderator, 'edit', factKey(fact));
    return afterWrite(reply, result, `/facts/${encodeURIComponent(fact.id)}?saved`);
  });

  app.get('/feedback', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const [votes, questions] = await Promise.all([activity.feedback.readAll(), activity.questions.readAll()]);
    const recent = Date.now() - 30 * 86_400_000;
    const views = ratings(votes).map((r) => ({
      ...r,
      question: factById(core, r.factId)?.questions[0] ?? r.factId,
      // The question behind a 👎: what that member last asked that this fact answered, before voting.
      downQuestions: votes
        .filter((v) => v.factId === r.factId && v.vote === 'down' && Date.parse(v.at) >= recent)
        .map((v) => questions.filter((q) => q.user === v.user && q.factId === v.factId && q.at <= v.at).at(-1)?.question)
        .filter((q): q is string => q !== undefined),
    }));
    return reply.type('text/html').send(feedbackPage(frame, views));
  });

  app.get('/history', async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    return reply.type('text/html').send(historyPage(frame, changeViews(await store.changes())));
  });

  app.post('/history/:factId/undo', writes, async (request, reply) => {
    const frame = await signedIn(request, reply);
    if (!frame) return reply;
    const result = await store.undo((request.params as { factId: string }).factId, frame.moderator);
    return afterWrite(reply, result, '/history');
  });

  /** Serves a saved change at once and goes on to `next`; a refusal is shown in words. */
  function afterWrite(reply: FastifyReply, result: WriteResult, next: string) {
    const refusal = refusalOf(result);
    if (refusal) return reply.status(409).type('text/html').send(notice('Not saved', [refusal.message, ...refusal.problems.map((p) => `${p.field ?? ''} ${p.message}`)].join(' ')));
    if (result.ok) core.replace(result.base);
    return reply.redirect(next, 303);
  }

  return app;
}

/**
 * A query's or form's text values: a field sent twice (an array), a JSON body's numbers or objects,
 * or no body at all become nothing, never a value the routes would choke on.
 */
function strings(input: unknown): FormValues {
  if (input === null || typeof input !== 'object') return {};
  return Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Why a write was refused, in a moderator's words; undefined when it was saved. */
function refusalOf(result: WriteResult): { message: string; problems: { field?: string; message: string }[] } | undefined {
  if (result.ok) return undefined;
  switch (result.reason) {
    case 'invalid':
      return { message: 'Nothing was saved: the fact does not fit the fact base.', problems: result.problems };
    case 'blocked':
      return { message: `Nothing was saved: the fact files on disk have ${result.problems.length} problem(s) to fix first (npm run kb:check lists them).`, problems: [] };
    case 'conflict':
    case 'not-found':
      return { message: result.message, problems: [] };
    case 'busy':
      return { message: 'Nothing was saved: another change was being saved. Please try again in a moment.', problems: [] };
    case 'unrecorded':
    case 'unwritten':
    case 'unavailable':
      return { message: `Nothing was saved (${result.detail}). Please try again in a moment; if it keeps happening, ask whoever runs the bot.`, problems: [] };
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

function factById(core: BotCore, id: string): Fact | undefined {
  return core.base.facts.find((f) => f.id === id);
}

function topicOf(core: BotCore, fact: Fact): string {
  return path.basename(core.base.fileOf.get(fact.id) ?? '', '.yaml');
}

function translationsOf(core: BotCore, fact: Fact): TranslationView[] {
  return TRANSLATED_LANGUAGES.map((lang) => {
    const t = core.base.translations.get(lang)?.get(fact.id);
    if (!t) return { lang, state: 'missing', questions: [] };
    return { lang, state: t.from === englishFingerprint(fact) ? 'current' : 'stale', questions: t.questions, answer: t.answer, ...(t.caveat ? { caveat: t.caveat } : {}) };
  });
}

function factRows(core: BotCore): FactRow[] {
  return core.base.facts.map((fact) => {
    const states = Object.fromEntries(translationsOf(core, fact).map((t) => [t.lang, t.state])) as FactRow['translations'];
    return { fact, topic: topicOf(core, fact), translations: states };
  });
}

function stateOf(core: BotCore, fact: Fact | undefined, extra: { message?: string | undefined }): FactPageState {
  return {
    ...(fact ? { saved: fact, preview: previewOf(core, fact) } : {}),
    values: fact ? formFromFact(fact) : { status: 'active' },
    key: fact ? factKey(fact) : '',
    problems: [],
    translations: fact ? translationsOf(core, fact) : [],
    ...(extra.message ? { message: extra.message } : {}),
  };
}

/** The answer as Telegram's and Discord's adapters lay it out, from the same formatters. */
function previewOf(core: BotCore, fact: Fact): Preview {
  const answer = core.preview(fact);
  const embed = formatAnswer(answer).embeds[0];
  return {
    telegram: formatResult(answer).text,
    discord: {
      ...(embed?.title ? { title: embed.title } : {}),
      ...(embed?.description ? { description: embed.description } : {}),
      fields: (embed?.fields ?? []).map((f) => ({ name: f.name, value: f.value })),
      ...(embed?.footer?.text ? { footer: embed.footer.text } : {}),
    },
  };
}

/** Each change newest first, field by field, with Undo on the change an undo of its fact restores. */
function changeViews(entries: readonly AuditEntry[]): ChangeView[] {
  const undoTargets = new Set<AuditEntry>();
  for (const factId of new Set(entries.map((e) => e.factId))) {
    const target = undoOf(entries.filter((e) => e.factId === factId))?.undoes;
    if (target) undoTargets.add(target);
  }
  return [...entries].reverse().map((entry) => ({
    at: entry.at,
    moderator: `${entry.actor.name} (${entry.actor.platform})`,
    action: entry.action,
    factId: entry.factId,
    diff: diffOf(entry.before, entry.after),
    undoable: undoTargets.has(entry),
  }));
}

function diffOf(before: Fact | null, after: Fact): { field: string; before: string; after: string }[] {
  const show = (value: unknown) => (value === undefined ? '' : Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\n') : String(value));
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])] as (keyof Fact)[];
  return fields
    .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: show(before?.[field]), after: show(after[field]) }));
}
