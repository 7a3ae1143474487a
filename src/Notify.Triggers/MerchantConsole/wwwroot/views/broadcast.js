import { api, merchantPath } from '../api.js';
import { h, field, replace, showFieldErrors } from '../dom.js';
import { t, zonedDate } from '../i18n.js';
import { problemMessage, isMissingRoute } from './common.js';

const POLL_MS = 2000;
// Rough per-message prices in KRW, for the preview only (the provider's bill is the truth).
const PRICES = { kakao: { short: 8, long: 8 }, sms: { short: 20, long: 50 }, email: { short: 0, long: 0 }, webhook: { short: 0, long: 0 } };

// Korean carriers count SMS in EUC-KR bytes: 90 bytes for SMS, up to 2,000 for LMS.
export function messageSize(text) {
  let bytes = 0;
  for (const ch of text) bytes += ch.codePointAt(0) < 0x80 ? 1 : 2;
  return { bytes, long: bytes > 90 };
}

export function broadcastView(main, { session }) {
  const { day, offset } = zonedDate();
  const message = h('textarea', { name: 'message', maxlength: '2000' });
  const from = h('input', { type: 'datetime-local', value: `${day}T00:00` });
  const to = h('input', { type: 'datetime-local', value: `${day}T23:59` });
  const statuses = ['pending', 'sent', 'confirmed'].map(s => ({ s, box: h('input', { type: 'checkbox', id: `aud-${s}`, checked: true }) }));
  const urgent = h('input', { type: 'checkbox', id: 'broadcast-urgent' });
  const preview = h('p', { class: 'note', id: 'broadcast-preview', 'aria-live': 'polite' });
  const status = h('div', { id: 'broadcast-status' });
  const progress = h('div', { id: 'broadcast-progress', 'aria-live': 'polite' });
  const updatePreview = () => {
    const { bytes, long } = messageSize(message.value);
    const costs = session.channels.map(c => `${t(`channel.${c}`)} ₩${PRICES[c]?.[long ? 'long' : 'short'] ?? 0}`).join(', ');
    preview.textContent = `${t('broadcast.size', { bytes, kind: long ? 'LMS' : 'SMS' })} · ${t('broadcast.cost', { costs })}`;
  };
  message.addEventListener('input', updatePreview);
  updatePreview();
  const form = h('form', { class: 'stack', novalidate: true },
    field('broadcast-message', t('broadcast.message'), message),
    h('div', {}, h('h2', {}, t('broadcast.preview')), preview),
    h('fieldset', {}, h('legend', {}, t('broadcast.audience')),
      h('div', { class: 'filters' }, field('broadcast-from', t('broadcast.from'), from), field('broadcast-to', t('broadcast.to'), to)),
      h('fieldset', {}, h('legend', {}, t('broadcast.statuses')),
        statuses.map(({ s, box }) => h('span', {}, box, h('label', { for: `aud-${s}` }, ` ${t(`status.${s}`)} `))))),
    h('div', {}, urgent, h('label', { for: 'broadcast-urgent' }, ` ${t('broadcast.urgent')}`)),
    h('button', { type: 'submit' }, t('broadcast.send')));
  main.append(h('h1', {}, t('broadcast.title')), status, form, progress);

  let timer = null;
  let idempotencyKey = crypto.randomUUID();
  const watch = broadcastId => {
    const cancel = h('button', { type: 'button', class: 'danger', onclick: async () => {
      try { await api('POST', merchantPath(session.merchantId, `/broadcasts/${encodeURIComponent(broadcastId)}/cancel`)); } catch (e) {
        if (e.status !== 401) replace(status, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
      }
    } }, t('broadcast.cancel'));
    const poll = async () => {
      try {
        const b = await api('GET', merchantPath(session.merchantId, `/broadcasts/${encodeURIComponent(broadcastId)}`));
        replace(progress, h('h2', {}, t('broadcast.progress')),
          h('p', { 'data-state': b.status }, `${t(`broadcast.state.${b.status}`)} · ${t('broadcast.recipients', { n: b.recipients })}`),
          h('ul', {}, Object.entries(b.counts ?? {}).map(([k, v]) => h('li', {}, `${k}: ${v}`))),
          h('ul', {}, Object.entries(b.byChannel ?? {}).map(([k, v]) => h('li', {}, `${t(`channel.${k}`)}: ${typeof v === 'object' ? JSON.stringify(v) : v}`))),
          b.status === 'sending' ? cancel : null);
        if (b.status !== 'sending') clearInterval(timer);
      } catch (e) {
        clearInterval(timer);
        if (e.status !== 401) replace(progress, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
      }
    };
    clearInterval(timer);
    poll();
    timer = setInterval(poll, POLL_MS);
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = {};
    if (!message.value.trim()) errors['broadcast-message'] = [t('broadcast.needMessage')];
    else if (messageSize(message.value).bytes > 2000) errors['broadcast-message'] = [t('broadcast.tooLong')];
    if (showFieldErrors(form, errors)) return;
    const body = {
      message: message.value.trim(),
      audience: { from: `${from.value}:00${offset}`, to: `${to.value}:00${offset}`, status: statuses.filter(x => x.box.checked).map(x => x.s) },
      urgent: urgent.checked,
    };
    try {
      const result = await api('POST', merchantPath(session.merchantId, '/broadcasts'), body, { 'Idempotency-Key': idempotencyKey });
      idempotencyKey = crypto.randomUUID();
      replace(status, h('p', { class: 'message' }, t('broadcast.recipients', { n: result.recipients })));
      watch(result.broadcastId);
    } catch (e) {
      if (e.status === 401) return;
      replace(status, h('p', { class: 'message bad', role: 'alert' }, isMissingRoute(e) ? t('notAvailable') : problemMessage(e)));
      if (e.problem?.errors?.message) showFieldErrors(form, { 'broadcast-message': e.problem.errors.message });
    }
  });
  return () => clearInterval(timer);
}
