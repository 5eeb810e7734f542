// One fact checked on its own against the schema the files use (kb:check's), for a form that
// validates as a moderator types. The whole base is checked again when the fact is saved.
import { FactSchema, type Fact } from './schema.js';

export interface FieldProblem {
  /** The field's path, as kb:check names it: "sources[0].url". */
  field: string;
  message: string;
}

export type FactCheck = { ok: true; fact: Fact } | { ok: false; problems: FieldProblem[] };

export function checkFact(value: unknown): FactCheck {
  const parsed = FactSchema.safeParse(value);
  if (parsed.success) return { ok: true, fact: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'fact',
      message: issue.message,
    })),
  };
}
