// The fact form's fields to a fact to check and save, and a fact back to the fields' values. The
// form shows lists one item a line (questions, sources as "url | title | publisher | YYYY-MM-DD")
// and short lists separated by commas (tags, years).
import type { Fact } from '../../src/index.js';

export type FormValues = Record<string, string>;

const lines = (text = '') => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const commaList = (text = '') => text.split(',').map((item) => item.trim()).filter(Boolean);
/** A number when the field holds one; the text itself otherwise, so the schema names the field. */
const numberOr = (text: string) => (/^\d+$/.test(text) ? Number(text) : text);

/** The fact the form describes, unchecked: the schema the files use judges it. */
export function factFromForm(values: FormValues): Record<string, unknown> {
  const fact: Record<string, unknown> = {
    id: values.id?.trim() ?? '',
    questions: lines(values.questions),
    answer: values.answer?.trim() ?? '',
    sources: lines(values.sources).map((line) => {
      const [url = '', title, publisher, published] = line.split('|').map((part) => part.trim());
      return { url, ...(title ? { title } : {}), ...(publisher ? { publisher } : {}), ...(published ? { published } : {}) };
    }),
    asOf: values.asOf?.trim() ?? '',
    tags: commaList(values.tags),
    status: values.status === 'retired' ? 'retired' : 'active',
  };
  const caveat = values.caveat?.trim();
  if (caveat) fact.caveat = caveat;
  const timeline = values.timeline?.trim();
  if (timeline) fact.timeline = timeline;
  const round = values.round?.trim();
  if (round) fact.round = numberOr(round);
  const years = commaList(values.years);
  if (years.length > 0) fact.years = years.map(numberOr);
  return fact;
}

export function formFromFact(fact: Fact): FormValues {
  return {
    id: fact.id,
    questions: fact.questions.join('\n'),
    answer: fact.answer,
    caveat: fact.caveat ?? '',
    sources: fact.sources.map((s) => [s.url, s.title ?? '', s.publisher ?? '', s.published ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n'),
    asOf: fact.asOf,
    round: fact.round === undefined ? '' : String(fact.round),
    years: (fact.years ?? []).join(', '),
    timeline: fact.timeline ?? '',
    tags: fact.tags.join(', '),
    status: fact.status,
  };
}

/** Which form field a problem's path belongs to: "sources[0].url" is the sources field's. */
export function fieldOf(path: string | undefined): string {
  return (path ?? 'id').split(/[.[]/)[0] || 'id';
}
