import { api, merchantPath } from '../api.js';
import { h, field, replace, showFieldErrors } from '../dom.js';
import { t, zonedDate } from '../i18n.js';
import { problemMessage, isMissingRoute } from './common.js';

const POLL_MS = 2000;
// Rough prices in KRW per SMS segment or per message, for the preview only (the provider's bill is the truth).
// A broadcast never goes over KakaoTalk (AlimTalk takes approved templates only).
const PRICES = { sms: 20, email: 0, webhook: 0 };
// The server's limit (SmsFit.MaxSegments): every wording, with the shop's name and callback number, fits two segments.
export const MAX_SEGMENTS = 2;

const GSM7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

// Counted as Twilio bills and the server checks (SmsSegments): GSM-7 160/153 septets, else UCS-2 70/67 code units.
export function messageSize(text) {
  let septets = 0;
  for (const ch of text) {
    if (GSM7.includes(ch)) septets += 1;
    else if (GSM7_EXTENSION.includes(ch)) septets += 2;
    else { septets = null; break; }
  }
  const [length, single, joined] = septets === null ? [text.length, 70, 67] : [septets, 160, 153];
  return { chars: text.length, segments: length <= single ? 1 : Math.ceil(length / joined) };
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
    const { chars, segments } = messageSize(message.value);
    const costs = session.channels.filter(c => c !== 'kakao')
      .map(c => `${t(`channel.${c}`)} ₩${(PRICES[c] ?? 0) * (c === 'sms' ? segments : 1)}`).join(', ');
    preview.textContent = `${t('broadcast.size', { chars, segments, max: MAX_SEGMENTS })} · ${t('broadcast.cost', { costs })}`;
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
  // One key per body: resending the same body after a lost answer is the same broadcast (the server answers it again),
  // while an edited body is a new one (the same key with another body would be a 409).
  let sent = { key: crypto.randomUUID(), body: null };
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
          h('ul', { id: 'broadcast-counts' }, Object.entries(b.counts ?? {}).filter(([, v]) => v > 0)
            .map(([k, v]) => h('li', { 'data-count': k }, `${t(`recipient.${k}`)}: ${v}`))),
          h('ul', { id: 'broadcast-channels' }, Object.entries(b.byChannel ?? {}).map(([c, byStatus]) => h('li', { 'data-channel': c },
            `${t(`channel.${c}`)}: ${Object.entries(byStatus ?? {}).map(([s, n]) => `${t(`attempt.${s}`)} ${n}`).join(', ')}`))),
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
    else if (messageSize(message.value.trim()).segments > MAX_SEGMENTS) errors['broadcast-message'] = [t('broadcast.tooLong', { max: MAX_SEGMENTS })];
    if (showFieldErrors(form, errors)) return;
    const body = {
      message: message.value.trim(),
      audience: { from: `${from.value}:00${offset}`, to: `${to.value}:00${offset}`, status: statuses.filter(x => x.box.checked).map(x => x.s) },
      urgent: urgent.checked,
    };
    const json = JSON.stringify(body);
    if (sent.body !== null && sent.body !== json) sent = { key: crypto.randomUUID(), body: null };
    sent.body = json;
    try {
      const result = await api('POST', merchantPath(session.merchantId, '/broadcasts'), body, { 'Idempotency-Key': sent.key });
      sent = { key: crypto.randomUUID(), body: null };
      replace(status, h('p', { class: 'message' }, t('broadcast.recipients', { n: result.recipients })));
      watch(result.broadcastId);
    } catch (e) {
      if (e.status === 401) return;
      replace(status, h('p', { class: 'message bad', role: 'alert' }, isMissingRoute(e) ? t('notAvailable') : problemMessage(e)));
      const fieldErrors = {};
      if (e.problem?.errors?.message) fieldErrors['broadcast-message'] = e.problem.errors.message;
      if (e.problem?.errors?.audience) fieldErrors['broadcast-from'] = e.problem.errors.audience;
      if (Object.keys(fieldErrors).length > 0) showFieldErrors(form, fieldErrors);
    }
  });
  return () => clearInterval(timer);
}
