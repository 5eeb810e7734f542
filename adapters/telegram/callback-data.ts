// What a button sends back when pressed. Telegram caps callback data at 64 bytes; fact ids are at
// most LIMITS.factIdChars (48) characters, so "fb:down:" plus an id fits, and encodeAction checks it.
import { TELEGRAM, type Vote } from '../../src/index.js';

export type ButtonAction =
  | { kind: 'ask'; factId: string }
  | { kind: 'vote'; vote: Vote; factId: string }
  /** A /timeline page button: the page to show and the filter it was asked with (folded, at most TIMELINE.queryChars). */
  | { kind: 'timeline'; page: number; filter: string };

/** "ask:<factId>": a pressed "did you mean" suggestion. */
export const ASK_DATA = /^ask:([a-z0-9-]+)$/;
/** "fb:up:<factId>" / "fb:down:<factId>": a vote on an answer. */
export const VOTE_DATA = /^fb:(up|down):([a-z0-9-]+)$/;
/** "tl:<page>:<filter>": a timeline page button. */
export const TIMELINE_DATA = /^tl:(\d{1,4}):(.*)$/s;

export function encodeAction(action: ButtonAction): string {
  const data = dataOf(action);
  if (Buffer.byteLength(data, 'utf8') > TELEGRAM.callbackDataBytes) {
    throw new Error(`Button data "${data}" is over Telegram's ${TELEGRAM.callbackDataBytes}-byte limit`);
  }
  return data;
}

function dataOf(action: ButtonAction): string {
  switch (action.kind) {
    case 'ask':
      return `ask:${action.factId}`;
    case 'vote':
      return `fb:${action.vote}:${action.factId}`;
    case 'timeline':
      return `tl:${action.page}:${action.filter}`;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
