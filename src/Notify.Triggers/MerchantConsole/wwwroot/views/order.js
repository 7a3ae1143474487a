import { api, merchantPath } from '../api.js';
import { h, replace } from '../dom.js';
import { t, formatTime, formatMoney, formatPhone } from '../i18n.js';
import { problemMessage } from './common.js';

const POLL_MS = 5000;
const SETTLED = ['delivered', 'failed', 'timed-out', 'cancelled'];

// The whole story in one line, in the shop owner's words: "문자 실패 → 이메일로 확인됨".
export function storyOf(confirmation) {
  const steps = [];
  for (const a of confirmation.attempts) {
    const confirming = confirmation.status === 'confirmed' && a.channel === confirmation.confirmedBy && a.status === 'delivered';
    if (!confirming) steps.push(`${t(`channel.${a.channel}`)} ${t(`attempt.${a.status}`)}`);
  }
  if (confirmation.status === 'confirmed') steps.push(t('order.confirmedBy', { by: t(`channelBy.${confirmation.confirmedBy}`) }));
  else if (confirmation.status === 'exhausted') steps.push(t('order.unreached'));
  else steps.push(t('order.waiting'));
  // Attempts that are still on their way already appear as "sending"; do not say "waiting" twice.
  if (confirmation.status !== 'confirmed' && confirmation.status !== 'exhausted' && confirmation.attempts.some(a => !SETTLED.includes(a.status))) steps.pop();
  return steps.join(' → ');
}

export function orderView(main, { session }, orderId) {
  const content = h('div', {});
  main.append(h('p', {}, h('a', { href: '#/orders' }, t('order.back'))), content);

  const render = order => {
    const c = order.confirmation;
    replace(content,
      h('h1', {}, t('order.title', { n: order.orderNumber })),
      h('p', { class: 'summary', id: 'order-story' }, storyOf(c)),
      h('dl', { class: 'facts' },
        h('dt', {}, t('orders.customer')), h('dd', {}, order.customer.name),
        order.customer.phone ? [h('dt', {}, t('order.phone')), h('dd', {}, h('a', { href: `tel:${order.customer.phone}` }, formatPhone(order.customer.phone)))] : null,
        order.customer.email ? [h('dt', {}, t('order.email')), h('dd', {}, h('a', { href: `mailto:${order.customer.email}` }, order.customer.email))] : null,
        h('dt', {}, t('order.placed')), h('dd', {}, formatTime(order.placedAt)),
        h('dt', {}, t('orders.time')), h('dd', {}, formatTime(order.acceptedAt)),
        order.fulfillment?.at ? [h('dt', {}, t('order.pickup')), h('dd', {}, formatTime(order.fulfillment.at))] : null,
        h('dt', {}, t('orders.status')), h('dd', {}, h('span', { class: `badge ${c.status}` }, t(`status.${c.status}`))),
        h('dt', {}, t('orders.total')), h('dd', {}, formatMoney(order.total, order.currency)),
        order.note ? [h('dt', {}, t('order.note')), h('dd', {}, order.note)] : null,
        c.merchantAlert ? [h('dt', {}, t('order.alert')), h('dd', {}, c.merchantAlert)] : null),
      h('h2', {}, t('order.items')),
      h('ul', {}, order.items.map(i => h('li', {}, `${i.name} × ${i.quantity}`))),
      h('h2', {}, t('order.timeline')),
      c.attempts.length === 0 ? h('p', {}, t('order.noAttempts')) :
        h('ol', { class: 'timeline', id: 'timeline' }, c.attempts.map(a => h('li', { 'data-channel': a.channel, 'data-status': a.status },
          h('strong', {}, `${t(`channel.${a.channel}`)} · ${t(`attempt.${a.status}`)}`), ' ',
          h('time', { datetime: a.at }, formatTime(a.at, false)),
          a.error ? h('div', { class: 'note' }, `${t('order.error')}: ${a.error}`) : null))));
  };

  let last = '';
  const load = async () => {
    try {
      const order = await api('GET', merchantPath(session.merchantId, `/orders/${encodeURIComponent(orderId)}`));
      const json = JSON.stringify(order);
      if (json !== last) { last = json; render(order); } // unchanged: keep the page (and the reader's focus) as it is
    } catch (e) {
      if (e.status !== 401) replace(content, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
    }
  };
  load();
  const timer = setInterval(load, POLL_MS);
  return () => clearInterval(timer);
}
