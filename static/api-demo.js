// The JavaScript API: mount(element, options) returns a handle with destroy().
import { mount } from './threshold-guide.js';

const handle = await mount(document.getElementById('guide'), {
  audience: 'voluntary',
  contactLine: 'Our safeguarding lead: 01582 000000 (weekdays).',
});
document.getElementById('remove').addEventListener('click', () => handle.destroy());
