// A partner's code, typed against the engine's declarations (checked with tsc --noEmit; not
// run). Each @ts-expect-error line must be an error: the types are not `any`.
import { load } from '../../dist/engine/threshold-engine.js';
import type { Case, Outcome, RuleSet, Summary, Question, Indicator, Category, RuleSetInfo } from '../../dist/engine/threshold-engine.js';

export async function advise(): Promise<string> {
  const rules: RuleSet = await load({ rules: 'luton' });
  const info: RuleSetInfo = rules.info();
  const version: number = info.api_version;
  const questions: Question[] = rules.questions();
  const age = questions.find((q) => q.id === 'child_age');
  const firstAnswer: string | undefined = age?.answers[0]?.id;
  const indicators: Indicator[] = rules.indicators();
  const categories: Category[] = rules.categories();
  const referral: boolean = categories[0].referral;

  const c: Case = { indicators: [indicators[0].id, 'Missing immunisations/checks'], answers: { immediate_danger: 'no' }, now: '2026-11-20T16:20:00Z' };
  const outcome: Outcome = rules.assess(c);
  const at: Outcome = rules.assess({}, new Date());
  const first = outcome.urgent[0] ?? outcome.actions[0];
  const source: 'override' | 'pathway' | 'category' = first.from.kind;
  const phone: string = outcome.contact.phone;
  const nextOpen: string | undefined = outcome.contact.next_open;
  const exception: string | undefined = outcome.consent.exception?.text;

  const s: Summary = rules.summary({ ...c, judgement: 'family_help', judgement_reason: 'Attendance is falling.' }, '2026-11-20T10:00:00Z');
  const purpose: 'referral' | 'open_case' | 'not_referring' = s.purpose;
  const sections: string[] = s.sections.map((x) => `${x.title}\n${x.text}`);
  const checks: string[] = s.quality_check.map((p) => `${p.step}: ${p.text}`);
  const note: string | null = s.decision_note;

  // @ts-expect-error: the outcome has no field "level"
  outcome.category.level;
  // @ts-expect-error: a misspelt case field
  rules.assess({ indicator: ['en.health.1'] });
  // @ts-expect-error: answers are strings
  rules.assess({ answers: { immediate_danger: true } });
  // @ts-expect-error: now is a string or a Date
  rules.assess({}, 1700000000);
  // @ts-expect-error: load options are an object
  await load('luton');
  // @ts-expect-error: a summary's purpose is one of three
  const wrong: Summary['purpose'] = 'maybe';

  return [version, firstAnswer, referral, at.category.id, source, phone, nextOpen, exception, purpose, sections, checks, note, wrong].join(' ');
}
