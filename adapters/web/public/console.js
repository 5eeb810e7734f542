// The console's only script: language tabs, and the fact form checked as it is typed (the server
// checks it with the schema the fact files use and returns the answer as each platform shows it).
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => {
      for (const other of tabs) {
        other.setAttribute('aria-selected', String(other === tab));
        document.getElementById(other.getAttribute('aria-controls')).hidden = other !== tab;
      }
    });
  }

  const form = document.getElementById('fact-form');
  if (!form) return;
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  let timer;
  let asked = 0;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });

  async function check() {
    const mine = ++asked;
    const body = new URLSearchParams(new FormData(form));
    const res = await fetch('/api/check', { method: 'POST', headers: { 'x-csrf-token': csrf }, body });
    if (!res.ok || mine !== asked) return;
    const { problems, preview } = await res.json();
    for (const note of form.querySelectorAll('.problem')) note.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    for (const problem of problems) {
      const field = (problem.field || 'id').split(/[.[]/)[0];
      const note = document.getElementById(`problem-${field}`);
      if (note) note.textContent += `${problem.field && problem.field !== field ? `${problem.field}: ` : ''}${problem.message} `;
      document.getElementById(`field-${field}`)?.setAttribute('aria-invalid', 'true');
    }
    if (preview) showPreview(preview);
  }

  function showPreview({ telegram, discord }) {
    // The Telegram formatter's own HTML, every piece of fact text in it already escaped.
    document.getElementById('preview-telegram').innerHTML = telegram.replace(/\n/g, '<br>');
    const box = document.getElementById('preview-discord');
    box.replaceChildren();
    const line = (text, className) => {
      const p = document.createElement('p');
      if (className) p.className = className;
      p.textContent = text;
      box.append(p);
    };
    if (discord.title) line(discord.title, 'embed-title');
    if (discord.description) line(discord.description);
    for (const field of discord.fields) line(`${field.name}\n${field.value}`);
    if (discord.footer) line(discord.footer);
  }
});
