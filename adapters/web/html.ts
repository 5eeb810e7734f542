// HTML built from template literals where every interpolated value is escaped unless it is already
// Html (a fragment built the same way): fact text, questions and names can never become markup.
import escapeHtml from 'escape-html';

export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part as string | number | boolean));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => (out += render(part) + (strings[i + 1] ?? '')));
  return new Html(out);
}

/** Markup made by a trusted formatter (the Telegram preview), passed through as it is. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
