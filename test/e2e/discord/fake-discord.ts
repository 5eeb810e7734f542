// A small Discord on 127.0.0.1 for end-to-end tests: REST under /api/v10 and a WebSocket gateway
// on the same port, speaking the real wire protocol, so the real, unmodified discord.js runs
// against it. It records every REST call, can answer chosen calls with an error (500, or a 429 with
// the headers and body discord.js reads), and rejects messages that break Discord's limits, as
// Discord does. It refuses any other bot token with 401, and its gateway can drop the connection and
// lets the bot resume the session. Wire details: /work/shared/notes/fake-platforms.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const TOKEN = 'fake-bot-token-for-tests';
export const APP_ID = '900000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '900000000000000010';
export const CHANNEL_ID = '900000000000000011';
export const DM_CHANNEL_ID = '900000000000000012';
/** A second text channel of the server, where a server admin might have the bot post what's new. */
export const NEWS_CHANNEL_ID = '900000000000000013';
export const EPHEMERAL = 1 << 6;
/** A role the server has, for tests of a configured moderator role. */
export const MODERATOR_ROLE = Object.freeze({ id: '900000000000000020', name: 'Fact checkers' });
/** The Manage Server permission bit, as Discord sends permissions: a decimal string. */
export const MANAGE_GUILD = String(1 << 5);
/** The interaction callback type that shows a modal. */
export const MODAL = 9;

export const BOT_USER = { id: BOT_ID, username: 'talks-bot', discriminator: '0', global_name: null, avatar: null, bot: true };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as discord.js sent it, read loosely by tests
type Json = any;

export interface Member {
  id: string;
  username: string;
  discriminator: string;
  global_name: string;
  avatar: null;
  bot?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Decoded, after /api/v10: e.g. /webhooks/1/tok/messages/@original */
  path: string;
  query: URLSearchParams;
  body: Json;
  /** The status the fake answered with. */
  status: number;
  at: number;
}

export interface InjectedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Injection {
  match: (req: Omit<RecordedRequest, 'status' | 'at'>) => boolean;
  reply: InjectedReply;
  remaining: number;
}

/** An option of a slash command: a value, or a subcommand (type 1) holding its own options. */
export interface CommandOption {
  name: string;
  type: number;
  value?: unknown;
  options?: CommandOption[];
}

/** What a member holds in the server: role ids, and permissions as a decimal bit string. */
export interface Grants {
  roles?: string[];
  permissions?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
}

/** discord.js 14 fails inside its own code without these two, and the event is lost. */
const INTERACTION_BASE = { entitlements: [], authorizing_integration_owners: {}, version: 1, app_permissions: '0', locale: 'en-US' };

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads the gateway received. */
  readonly identifies: Json[] = [];
  /** RESUME payloads the gateway received. */
  readonly resumes: Json[] = [];
  readonly #server: Server;
  readonly #gateway: WebSocketServer;
  readonly #sockets = new Set<{ ws: WebSocket; seq: number }>();
  readonly #injections: Injection[] = [];
  readonly #waiters = new Set<() => void>();
  readonly #grants = new Map<string, Grants>();
  readonly #locales = new Map<string, string>();
  #nextId = 1n;

  private constructor() {
    this.#server = createServer((req, res) => void this.#serveRest(req, res));
    this.#gateway = new WebSocketServer({ server: this.#server });
    this.#gateway.on('connection', (ws) => this.#serveGateway(ws));
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** What a user would put in DISCORD_API_ROOT. */
  get apiRoot(): string {
    return `http://${this.origin}/api`;
  }

  /** Answers the next `times` requests that `match` with `reply` instead of serving them. */
  inject(match: Injection['match'], reply: InjectedReply, times = 1): void {
    this.#injections.push({ match, reply, remaining: times });
  }

  /** A 429 the way Discord sends it: Retry-After and X-RateLimit-* headers, and the JSON body. */
  rateLimit(match: Injection['match'], retryAfterSeconds: number): void {
    this.inject(match, {
      status: 429,
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (req: RecordedRequest) => boolean, what: string, timeoutMs = 5000): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.find(match);
        if (!found) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }

  /** The bot's successful answer to an interaction: the callback body ({type, data}). */
  async callbackFor(interaction: SentInteraction): Promise<{ type: number; data: Json }> {
    const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
    const req = await this.waitForRequest((r) => r.method === 'POST' && r.path === path && r.status < 300, `answer to interaction ${interaction.id}`);
    return req.body;
  }

  callbacksTo(interaction: SentInteraction): RecordedRequest[] {
    return this.requests.filter((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  }

  /** The bot's successful reply to a channel message: the request, whose path names the channel. */
  replyTo(messageId: string): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === messageId && r.status < 300,
      `reply to message ${messageId}`,
    );
  }

  repliesTo(messageId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.body?.message_reference?.message_id === messageId);
  }

  /** A new user each time, so one test's questions never count towards another's rate limit. */
  newMember(options: { bot?: boolean } = {}): Member {
    const id = this.#snowflake();
    return { id, username: `member${id.slice(-4)}`, discriminator: '0', global_name: `Member ${id.slice(-4)}`, avatar: null, ...options };
  }

  /** From now on, the member's interactions carry these roles and permissions. */
  grant(member: Member, grants: Grants): void {
    this.#grants.set(member.id, grants);
  }

  /** From now on, the member's interactions come from a Discord client set to `locale` ("uk", "ru"; en-US otherwise). */
  speaks(member: Member, locale: string): void {
    this.#locales.set(member.id, locale);
  }

  /** A member runs a slash command in the server's channel. */
  slash(member: Member, name: string, options: CommandOption[] = []): SentInteraction {
    return this.#interact(member, { type: 2, data: { id: this.#snowflake(), name, type: 1, options } });
  }

  /** A member types into an autocompleted option (type 3: string), of a subcommand (type 1) if given. */
  autocomplete(member: Member, name: string, option: string, typed: string, subcommand?: string): SentInteraction {
    const focused = [{ name: option, type: 3, value: typed, focused: true }];
    const options = subcommand ? [{ name: subcommand, type: 1, options: focused }] : focused;
    return this.#interact(member, { type: 4, data: { id: this.#snowflake(), name, type: 1, options } });
  }

  /** A member submits a form (modal) the bot showed: one text input (type 4) in a label (type 18) per value. */
  submitModal(member: Member, customId: string, values: Record<string, string>): SentInteraction {
    const components = Object.entries(values).map(([id, value]) => ({ type: 18, component: { type: 4, custom_id: id, value } }));
    return this.#interact(member, { type: 5, data: { custom_id: customId, components } });
  }

  /** A member presses a button on one of the bot's messages. */
  press(member: Member, customId: string, message: { flags?: number } = {}): SentInteraction {
    const onMessage = this.#message({ author: BOT_USER, channel_id: CHANNEL_ID, content: '', flags: message.flags ?? 0 });
    return this.#interact(member, { type: 3, data: { custom_id: customId, component_type: 2 }, message: onMessage });
  }

  /** A member posts in the server's channel, mentioning the given users. Returns the message id. */
  post(member: Member, content: string, mentions: { users?: object[]; everyone?: boolean; roles?: string[] } = {}): string {
    const message = this.#message({
      author: member,
      channel_id: CHANNEL_ID,
      channel_type: 0,
      guild_id: GUILD_ID,
      member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
      content,
      mentions: mentions.users ?? [],
      mention_roles: mentions.roles ?? [],
      mention_everyone: mentions.everyone ?? false,
    });
    this.dispatch('MESSAGE_CREATE', message);
    return message.id as string;
  }

  /** A member sends the bot a direct message (with null, one whose content field is missing). Returns the message id. */
  directMessage(member: Member, content: string | null): string {
    // Without channel_type (1: DM) discord.js 14.28 cannot make a DM channel from the message, and drops it.
    const message = this.#message({ author: member, channel_id: DM_CHANNEL_ID, channel_type: 1, content });
    if (content === null) delete message.content;
    this.dispatch('MESSAGE_CREATE', message);
    return message.id as string;
  }

  /** Closes every gateway connection with `code`, or cuts it without a close frame when none is given. */
  dropGateway(code?: number): void {
    for (const { ws } of this.#sockets) {
      if (code === undefined) ws.terminate();
      else ws.close(code, 'dropped by the fake');
    }
  }

  dispatch(event: string, data: unknown): void {
    for (const socket of this.#sockets) this.#send(socket, { op: 0, t: event, d: data });
  }

  async close(): Promise<void> {
    for (const { ws } of this.#sockets) ws.terminate();
    this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #interact(member: Member, payload: Record<string, unknown>): SentInteraction {
    const interaction = { id: this.#snowflake(), token: `token-${this.#snowflake()}` };
    const locale = this.#locales.get(member.id);
    this.dispatch('INTERACTION_CREATE', {
      ...INTERACTION_BASE,
      ...(locale ? { locale } : {}),
      ...payload,
      ...interaction,
      application_id: APP_ID,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
      member: { user: member, roles: [], permissions: '0', ...this.#grants.get(member.id), joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    });
    return interaction;
  }

  #message(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: this.#snowflake(),
      type: 0,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...fields,
    };
  }

  #snowflake(): string {
    return String(800000000000000000n + this.#nextId++);
  }

  // ---- REST ----

  async #serveRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${this.origin}`);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const raw = await readBody(req);
    const request = { method: req.method ?? 'GET', path, query: url.searchParams, body: raw ? JSON.parse(raw) : undefined };
    const injected = this.#injections.find((i) => i.remaining > 0 && i.match(request));
    if (injected) injected.remaining -= 1;
    // Interaction replies go unauthenticated (their token is in the path); every other call names the bot.
    const auth = req.headers.authorization;
    const refused: InjectedReply | undefined = auth !== undefined && auth !== `Bot ${TOKEN}` ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined;
    const reply = injected?.reply ?? refused ?? this.#route(request);
    this.requests.push({ ...request, status: reply.status, at: Date.now() });
    for (const check of [...this.#waiters]) check();
    // A 204 has no body, and discord.js parses any body labelled JSON.
    const type = reply.body === undefined ? {} : { 'content-type': 'application/json' };
    res.writeHead(reply.status, { ...type, ...reply.headers });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  #route({ method, path, body }: { method: string; path: string; body: Json }): InjectedReply {
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: { url: `ws://${this.origin}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return { status: 200, body: (body as object[]).map((command) => ({ id: this.#snowflake(), application_id: APP_ID, version: '1', ...command })) };
    }
    const invalid = body?.type === MODAL ? invalidModal(body.data) : invalidMessage(body?.data ?? body);
    if (invalid) return { status: 400, body: { code: 50035, message: `Invalid Form Body: ${invalid}` } };
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    const channelMessage = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessage) {
      const inGuild = channelMessage[1] === CHANNEL_ID || channelMessage[1] === NEWS_CHANNEL_ID;
      return { status: 200, body: this.#message({ ...body, author: BOT_USER, channel_id: channelMessage[1], ...(inGuild ? { guild_id: GUILD_ID } : {}) }) };
    }
    if ((method === 'POST' || method === 'PATCH') && /^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(path)) {
      return { status: 200, body: this.#message({ ...body, author: BOT_USER, channel_id: CHANNEL_ID, webhook_id: APP_ID }) };
    }
    return { status: 404, body: { code: 0, message: `404: Not Found (${method} ${path})` } };
  }

  // ---- Gateway ----

  #serveGateway(ws: WebSocket): void {
    const socket = { ws, seq: 0 };
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Json };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (packet.op === 6) {
        this.resumes.push(packet.d);
        // The session goes on where the dropped connection left it.
        socket.seq = packet.d.seq ?? 0;
        this.#sockets.add(socket);
        this.#send(socket, { op: 0, t: 'RESUMED', d: {} });
      }
      if (packet.op === 2) {
        this.identifies.push(packet.d);
        this.#sockets.add(socket);
        this.#send(socket, {
          op: 0,
          t: 'READY',
          d: {
            v: 10,
            user: BOT_USER,
            // A guild listed here holds ClientReady back until its GUILD_CREATE arrives.
            guilds: [{ id: GUILD_ID, unavailable: true }],
            session_id: 'fake-session',
            resume_gateway_url: `ws://${this.origin}`,
            shard: packet.d.shard,
            application: { id: APP_ID, flags: 0 },
          },
        });
        this.#send(socket, { op: 0, t: 'GUILD_CREATE', d: guild() });
      }
    });
    ws.on('close', () => this.#sockets.delete(socket));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
  }

  #send(socket: { ws: WebSocket; seq: number }, packet: { op: number; t?: string; d: unknown }): void {
    socket.seq += 1;
    socket.ws.send(JSON.stringify({ s: packet.op === 0 ? socket.seq : null, t: null, ...packet }));
  }
}

function guild(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: 'Test server',
    icon: null,
    owner_id: '800000000000000000',
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    features: [],
    emojis: [],
    stickers: [],
    roles: [GUILD_ID, MODERATOR_ROLE.id].map((id, position) => ({
      id,
      name: id === GUILD_ID ? '@everyone' : MODERATOR_ROLE.name,
      permissions: '0',
      position,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
    })),
    members: [],
    channels: [
      { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [] },
      { id: NEWS_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'talks-news', position: 1, permission_overwrites: [] },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Discord's message limits; a message over any of them is rejected whole with 400. */
export function invalidMessage(message: Json): string | undefined {
  if (!message || typeof message !== 'object') return undefined;
  if (typeof message.content === 'string' && message.content.length > 2000) return 'content over 2000';
  for (const embed of message.embeds ?? []) {
    const fields: { name: string; value: string }[] = embed.fields ?? [];
    if ((embed.title ?? '').length > 256) return 'embed title over 256';
    if ((embed.description ?? '').length > 4096) return 'embed description over 4096';
    if (fields.length > 25) return 'more than 25 fields';
    if (fields.some((f) => !f.name || !f.value || f.name.length > 256 || f.value.length > 1024)) return 'embed field empty or too long';
    const total = (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (total > 6000) return 'embed over 6000 in all';
  }
  const rows: { components: { custom_id?: string; label?: string }[] }[] = message.components ?? [];
  if (rows.length > 5 || rows.some((row) => row.components.length > 5)) return 'too many components';
  const buttons = rows.flatMap((row) => row.components);
  if (buttons.some((b) => (b.custom_id ?? '').length > 100 || (b.label ?? '').length > 80)) return 'button custom_id or label too long';
  if (new Set(buttons.map((b) => b.custom_id)).size !== buttons.length) return 'duplicate custom_id';
  if ((message.choices ?? []).length > 25) return 'more than 25 choices';
  return undefined;
}

/** Discord's modal limits; a modal over any of them is rejected with 400. */
function invalidModal(modal: Json): string | undefined {
  if (!modal?.custom_id || modal.custom_id.length > 100) return 'modal custom_id missing or too long';
  if (!modal.title || modal.title.length > 45) return 'modal title missing or over 45';
  const labels: Json[] = modal.components ?? [];
  if (labels.length < 1 || labels.length > 5) return 'a modal needs 1 to 5 components';
  for (const { type, label, description, component: input } of labels) {
    if (type !== 18 || !input || input.type !== 4) return 'only labelled text inputs are modelled';
    if (!label || label.length > 45 || (description ?? '').length > 100) return 'label missing or over 45, or description over 100';
    if (!input.custom_id || input.custom_id.length > 100 || (input.placeholder ?? '').length > 100) return 'text input custom_id or placeholder too long';
    const max = input.max_length ?? 4000;
    if (max > 4000 || (input.value ?? '').length > max) return 'text input value over its max_length (at most 4000)';
  }
  if (new Set(labels.map((l) => l.component.custom_id)).size !== labels.length) return 'duplicate custom_id';
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
