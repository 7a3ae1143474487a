// Builds elements from data; text is always set as text (never parsed as HTML), so no customer field can inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  append(el, children);
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

// A labelled input: the label's for= matches the input's id, and the error line is tied to it with aria-describedby.
export function field(id, label, input, hint) {
  input.id = id;
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field' },
    h('label', { for: id }, label), input,
    hint ? h('p', { class: 'note', id: `${id}-hint` }, hint) : null,
    error);
}

export function showFieldErrors(form, errors) {
  for (const el of form.querySelectorAll('.error[id$="-error"]')) { el.hidden = true; el.textContent = ''; }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  let first = null;
  for (const [id, messages] of Object.entries(errors)) {
    const input = form.querySelector(`#${CSS.escape(id)}`);
    const line = form.querySelector(`#${CSS.escape(id)}-error`);
    if (!input || !line) continue;
    line.textContent = messages.join(' ');
    line.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    first ??= input;
  }
  first?.focus();
  return first !== null;
}
