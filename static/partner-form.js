// "A partner's own form": plain HTML inputs calling the engine's JavaScript API
// (engine/threshold-engine.js) and showing the category, the actions and whom to phone now.
// Everything the engine says is put into the page as text, never as HTML.
import { load } from './engine/threshold-engine.js';

const $ = (id) => document.getElementById(id);
const el = (tag, text) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
};

const rules = await load();
const age = rules.questions().find((q) => q.id === 'child_age');
for (const a of age.answers) {
  const o = el('option', a.label);
  o.value = a.id;
  $('child_age').append(o);
}
const indicators = rules.indicators();
const domains = [...new Map(indicators.map((i) => [i.domain, i.domain_name])).entries()];
for (const [id, name] of domains) {
  const o = el('option', name);
  o.value = id;
  $('domain').append(o);
}
const chosen = new Set();
function showDomain() {
  const list = $('indicator-list');
  list.replaceChildren();
  for (const i of indicators.filter((x) => x.domain === $('domain').value)) {
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.value = i.id;
    box.checked = chosen.has(i.id);
    box.addEventListener('change', () => (box.checked ? chosen.add(i.id) : chosen.delete(i.id)));
    label.append(box, ` ${i.text}`);
    const row = el('div');
    row.className = 'pf-row';
    row.append(label);
    list.append(row);
  }
}
$('domain').addEventListener('change', showDomain);
showDomain();
$('status').textContent = `Rules loaded: ${rules.info().title}.`;

$('concern').addEventListener('submit', (event) => {
  event.preventDefault();
  const answers = { immediate_danger: $('concern').elements.immediate_danger.value };
  if ($('child_age').value) answers.child_age = $('child_age').value;
  try {
    const outcome = rules.assess({ indicators: [...chosen], answers });
    $('category').textContent = outcome.category.name;
    const c = outcome.contact;
    $('contact').textContent = `${c.name}, ${c.phone}. ${c.why}`;
    $('actions').replaceChildren(...[...outcome.urgent, ...outcome.actions].map((a) => el('li', a.urgent ? `Now: ${a.text}` : a.text)));
    $('ruleset').textContent = `Rules: ${outcome.ruleset.title} (${outcome.ruleset.edition}).`;
    $('advice').hidden = false;
    $('status').textContent = `Suggested level of need: ${outcome.category.name}.`;
  } catch (e) {
    $('advice').hidden = true;
    $('status').textContent = `The form could not be assessed: ${e.message}`;
  }
});
