// A small Bot API server on 127.0.0.1 for driving the real telegraf: it records every call, hands
// out pushed updates through getUpdates long polling, checks HTML messages (sent or edited) as
// strictly as Telegram (unknown tags, bare < or &, unbalanced tags, over 4,096 characters are
// refused), and can fail the next call to a method, e.g. with a 429 and retry_after, drop its
// connection, answer it slowly, or refuse every call that matches (say, to a chat the bot left).
// Like Telegram, it refuses to edit a message it never sent, or to "edit" one into what it already is.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT = Object.freeze({
  id: 700_000_001,
  is_bot: true,
  first_name: 'Istanbul Talks',
  username: 'IstanbulTalksBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
});

export interface ApiCall {
  method: string;
  token: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are whatever telegraf sent
  body: Record<string, any>;
  /** Date.now() when the call arrived. */
  at: number;
  /** The error the fake answered with, if it refused the call. */
  error?: ApiError;
  /** True when the fake cut the connection instead of answering. */
  dropped?: boolean;
  /** What the fake answered with (for sendMessage, the message it made: its message_id). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Bot API result, read loosely by tests
  result?: any;
}

export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

type Update = Record<string, unknown> & { update_id: number };

const MESSAGE_LIMIT = 4096;
const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'span', 'tg-spoiler', 'blockquote']);

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly #events = new EventEmitter();
  readonly #updates: Update[] = [];
  readonly #failures = new Map<string, (ApiError | 'drop')[]>();
  readonly #refusals: { method: string; matches: (body: ApiCall['body']) => boolean; error: ApiError }[] = [];
  readonly #delays = new Map<string, number>();
  readonly #heldPolls = new Set<() => void>();
  /** Held polls, each with how to end it as Telegram ends one that a newer getUpdates overlaps. */
  readonly #overlapped = new Map<() => void, () => void>();
  /** How many held polls a second poller cut off with 409, as Telegram does when two bot instances poll. */
  conflicts = 0;
  /** What each message the bot sent shows now, by "chat_id:message_id". */
  readonly #shown = new Map<string, string>();
  #nextUpdateId = 1;
  #nextMessageId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly token: string,
  ) {}

  static async start(token: string): Promise<FakeTelegram> {
    const server = http.createServer();
    const fake = new FakeTelegram(server, token);
    server.on('request', (req, res) => void fake.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What TELEGRAM_API_ROOT is set to. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The webhook Telegram would post to, as setWebhook and deleteWebhook leave it ('' for none). */
  webhookUrl = '';

  /** Queues an update for getUpdates; returns it with its update_id. */
  push(update: Record<string, unknown>): Update {
    const full = { update_id: this.#nextUpdateId++, ...update };
    this.#updates.push(full);
    for (const release of this.#heldPolls) release();
    return full;
  }

  /** The next call to `method` is refused with this error (queue several by calling again). */
  failNext(method: string, error: ApiError): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /** The next call to `method` gets no answer: its connection is cut, as by a network failure. */
  dropNext(method: string): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), 'drop']);
  }

  /** Every later call to `method` whose body `matches` is refused with this error, e.g. sends to one chat. */
  refuse(method: string, matches: (body: ApiCall['body']) => boolean, error: ApiError): void {
    this.#refusals.push({ method, matches, error });
  }

  /** Every later call to `method` is answered only after `ms`. */
  delay(method: string, ms: number): void {
    this.#delays.set(method, ms);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call to `method` (past or future) that matches. */
  waitFor(method: string, matches: (call: ApiCall) => boolean = () => true, timeoutMs = 5000): Promise<ApiCall> {
    const test = (c: ApiCall) => c.method === method && matches(c);
    const found = this.calls.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (c: ApiCall) => {
        if (!test(c)) return;
        clearTimeout(timer);
        this.#events.off('call', onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.#events.off('call', onCall);
        reject(new Error(`no matching ${method} call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.#events.on('call', onCall);
    });
  }

  async close(): Promise<void> {
    for (const release of this.#heldPolls) release();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const route = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    if (!route) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = route;
    const call: ApiCall = { method, token, body: raw ? (JSON.parse(raw) as ApiCall['body']) : {}, at: Date.now() };
    const refusal = this.#refusals.find((r) => r.method === method && r.matches(call.body))?.error;
    const failure = token !== this.token ? { error_code: 401, description: 'Unauthorized' } : (refusal ?? this.#failures.get(method)?.shift() ?? checkHtml(call) ?? this.#checkEdit(call));
    if (failure === 'drop') call.dropped = true;
    else if (failure) call.error = failure;
    else if (method !== 'getUpdates') call.result = this.#resultOf(call);
    this.calls.push(call);
    this.#events.emit('call', call);
    if (failure === 'drop') return void req.socket.destroy();
    if (failure) return reply(res, failure.error_code, { ok: false, ...failure });
    const delay = this.#delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (method === 'getUpdates') return this.#getUpdates(call, res);
    reply(res, 200, { ok: true, result: call.result });
  }

  #getUpdates(call: ApiCall, res: http.ServerResponse): void {
    for (const conflict of this.#overlapped.values()) conflict();
    const offset = Number(call.body.offset ?? 0);
    // Telegram forgets updates below the offset: the bot has confirmed them.
    while ((this.#updates[0]?.update_id ?? Infinity) < offset) this.#updates.shift();
    const timeoutS = Number(call.body.timeout ?? 0);
    if (this.#updates.length > 0 || timeoutS === 0) return reply(res, 200, { ok: true, result: this.#updates.slice(0, call.body.limit ?? 100) });
    // Long polling: hold the request until an update arrives or the timeout passes.
    const release = () => {
      clearTimeout(timer);
      this.#heldPolls.delete(release);
      this.#overlapped.delete(release);
      if (!res.writableEnded) reply(res, 200, { ok: true, result: [...this.#updates] });
    };
    const timer = setTimeout(release, timeoutS * 1000);
    this.#heldPolls.add(release);
    this.#overlapped.set(release, () => {
      clearTimeout(timer);
      this.#heldPolls.delete(release);
      this.#overlapped.delete(release);
      this.conflicts += 1;
      reply(res, 409, { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    });
    // telegraf aborts its held request on stop; forget it, or the next update would go nowhere.
    res.on('close', () => {
      clearTimeout(timer);
      this.#heldPolls.delete(release);
      this.#overlapped.delete(release);
    });
  }

  /**
   * Telegram's 400s for an edit of a chat message: one it does not know ("not found"), or one that
   * would look just as it does ("not modified", which a second press of the same button causes).
   */
  #checkEdit(call: ApiCall): ApiError | undefined {
    if (call.method !== 'editMessageText' || call.body.chat_id === undefined) return undefined;
    const shown = this.#shown.get(`${call.body.chat_id}:${call.body.message_id}`);
    if (shown === undefined) return { error_code: 400, description: 'Bad Request: message to edit not found' };
    if (shown === showing(call)) {
      return {
        error_code: 400,
        description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      };
    }
    return undefined;
  }

  #resultOf(call: ApiCall): unknown {
    switch (call.method) {
      case 'getMe':
        return FAKE_BOT;
      case 'setWebhook':
        this.webhookUrl = String(call.body.url ?? '');
        return true;
      case 'deleteWebhook':
        this.webhookUrl = '';
        return true;
      case 'getWebhookInfo':
        return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      case 'sendMessage': {
        const chatId = Number(call.body.chat_id);
        // Telegram's group and channel ids are negative.
        const chat = chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Group' } : { id: chatId, type: 'private', first_name: 'User' };
        const messageId = this.#nextMessageId++;
        this.#shown.set(`${call.body.chat_id}:${messageId}`, showing(call));
        return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: FAKE_BOT, text: call.body.text };
      }
      case 'editMessageText': {
        // A chat message edited in place comes back as the message; an inline message's edit as true.
        if (call.body.chat_id === undefined) return true;
        this.#shown.set(`${call.body.chat_id}:${call.body.message_id}`, showing(call));
        const chatId = Number(call.body.chat_id);
        const chat = chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Group' } : { id: chatId, type: 'private', first_name: 'User' };
        const now = Math.floor(Date.now() / 1000);
        return { message_id: call.body.message_id, date: now, edit_date: now, chat, from: FAKE_BOT, text: call.body.text };
      }
      default:
        return true;
    }
  }
}

/** A message's text and buttons, as Telegram compares them before an edit. */
function showing(call: ApiCall): string {
  return JSON.stringify([call.body.text, call.body.reply_markup ?? null]);
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Telegram's checks on an HTML message: a refused text gets the 400 Telegram would send. */
function checkHtml(call: ApiCall): ApiError | undefined {
  const content = call.method === 'sendMessage' || call.method === 'editMessageText' ? call.body : undefined;
  const texts: { text: string; html: boolean }[] = content ? [{ text: String(content.text), html: content.parse_mode === 'HTML' }] : [];
  if (call.method === 'answerInlineQuery') {
    for (const r of call.body.results as { input_message_content: { message_text: string; parse_mode?: string } }[]) {
      texts.push({ text: r.input_message_content.message_text, html: r.input_message_content.parse_mode === 'HTML' });
    }
  }
  for (const { text, html } of texts) {
    const parsed = html ? parseHtml(text) : { text };
    if ('error' in parsed) return { error_code: 400, description: `Bad Request: can't parse entities: ${parsed.error}` };
    if (parsed.text.length > MESSAGE_LIMIT) return { error_code: 400, description: 'Bad Request: message is too long' };
  }
  return undefined;
}

/** The visible text of Telegram-style HTML, or why Telegram would refuse it. */
export function parseHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = '';
  for (let i = 0; i < html.length; ) {
    const rest = html.slice(i);
    if (rest.startsWith('<')) {
      const tag = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/.exec(rest);
      if (!tag || !HTML_TAGS.has(tag[2] ?? '')) return { error: `unsupported start tag at offset ${i}` };
      if (tag[1] && open.pop() !== tag[2]) return { error: `unmatched end tag at offset ${i}` };
      if (!tag[1]) open.push(tag[2] ?? '');
      i += tag[0].length;
    } else if (rest.startsWith('&')) {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(rest);
      if (!entity) return { error: `unsupported entity or bare & at offset ${i}` };
      text += 'x';
      i += entity[0].length;
    } else if (rest.startsWith('>')) {
      return { error: `bare > at offset ${i}` };
    } else {
      text += html[i];
      i += 1;
    }
  }
  return open.length > 0 ? { error: `unclosed <${open.join('>, <')}>` } : { text };
}
