import { api, merchantPath } from '../api.js';
import { h, field, replace, announce } from '../dom.js';
import { t, formatTime, formatMoney, zonedDate, formatPhone } from '../i18n.js';
import { problemMessage } from './common.js';

const POLL_MS = 5000;
const STATUSES = ['pending', 'sent', 'confirmed', 'exhausted'];

function nextDay(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function windowQuery(fromDay, toDay) {
  const { offset } = zonedDate();
  return { from: `${fromDay}T00:00:00${offset}`, to: `${nextDay(toDay)}T00:00:00${offset}` };
}

// Search runs over the loaded window: a shop's day is a few hundred orders at most.
function matches(order, q) {
  if (!q) return true;
  const needle = q.toLowerCase().replace(/[\s-]/g, '');
  const digits = needle.replace(/^0/, '');
  const hay = [order.orderNumber, order.customer?.name, order.customer?.phone, order.customer?.email]
    .filter(Boolean).map(v => v.toLowerCase().replace(/[\s-]/g, ''));
  return hay.some(v => v.includes(needle) || (digits.length >= 4 && /^\d+$/.test(digits) && v.includes(digits)));
}

export function ordersView(main, { session, query }) {
  const { day: today } = zonedDate();
  const mode = query.get('from') ? 'custom' : 'today';
  const windowSelect = h('select', { name: 'window' },
    h('option', { value: 'today', selected: mode === 'today' }, t('orders.today')),
    h('option', { value: 'custom', selected: mode === 'custom' }, t('orders.custom')));
  const from = h('input', { type: 'date', name: 'from', value: query.get('from') ?? today });
  const to = h('input', { type: 'date', name: 'to', value: query.get('to') ?? today });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, t('orders.all')),
    STATUSES.map(s => h('option', { value: s, selected: query.get('status') === s }, t(`status.${s}`))));
  const search = h('input', { type: 'search', name: 'q', value: query.get('q') ?? '', autocomplete: 'off', placeholder: t('orders.searchHint') });
  const fromField = field('orders-from', t('orders.from'), from);
  const toField = field('orders-to', t('orders.to'), to);
  const showDates = () => { fromField.hidden = toField.hidden = windowSelect.value !== 'custom'; };
  windowSelect.addEventListener('change', showDates);
  showDates();
  const form = h('form', { class: 'filters', role: 'search' },
    field('orders-window', t('orders.window'), windowSelect), fromField, toField,
    field('orders-status', t('orders.status'), status),
    field('orders-q', t('orders.search'), search),
    h('button', { type: 'submit' }, t('orders.apply')));
  const summary = h('p', { class: 'note', id: 'orders-count' });
  const body = h('tbody', { id: 'orders-body' });
  const table = h('table', { class: 'cards', 'aria-describedby': 'orders-count' },
    h('caption', { class: 'visually-hidden' }, t('orders.title')),
    h('thead', {}, h('tr', {}, ['orders.number', 'orders.time', 'orders.customer', 'orders.status', 'orders.reachedBy', 'orders.total']
      .map(k => h('th', { scope: 'col' }, t(k))))),
    body);
  const error = h('div', { role: 'alert' });
  const csv = h('a', { class: 'button secondary', download: 'orders.csv' }, t('orders.csv'));
  main.append(h('h1', {}, t('orders.title')), form, error, summary, table, h('p', {}, csv));

  let orders = [];
  let known = null;
  let last = '';
  const current = () => {
    const custom = windowSelect.value === 'custom';
    return { ...windowQuery(custom ? from.value || today : today, custom ? to.value || today : today), status: status.value };
  };

  const render = () => {
    const shown = orders.filter(o => matches(o, search.value.trim()));
    summary.textContent = t('orders.count', { n: shown.length });
    replace(body, shown.length === 0
      ? h('tr', {}, h('td', { colspan: 6 }, t('orders.empty')))
      : shown.map(o => h('tr', { 'data-order': o.orderId },
        h('td', { 'data-label': t('orders.number') }, h('a', { href: `#/orders/${encodeURIComponent(o.orderId)}` }, o.orderNumber)),
        h('td', { 'data-label': t('orders.time') }, formatTime(o.acceptedAt)),
        h('td', { 'data-label': t('orders.customer') }, o.customer?.name ?? '',
          o.customer?.phone ? [' ', h('a', { href: `tel:${o.customer.phone}` }, formatPhone(o.customer.phone))] : null),
        h('td', { 'data-label': t('orders.status') }, h('span', { class: `badge ${o.confirmation.status}` }, t(`status.${o.confirmation.status}`))),
        h('td', { 'data-label': t('orders.reachedBy') }, o.confirmation.confirmedBy ? t(`channel.${o.confirmation.confirmedBy}`) : '—'),
        h('td', { 'data-label': t('orders.total') }, formatMoney(o.total, o.currency)))));
  };

  const load = async () => {
    const q = current();
    const params = new URLSearchParams({ from: q.from, to: q.to, limit: '1000' });
    if (q.status) params.set('status', q.status);
    const csvParams = new URLSearchParams(params);
    csvParams.delete('limit');
    csvParams.set('format', 'csv');
    csv.setAttribute('href', merchantPath(session.merchantId, `/orders?${csvParams}`));
    try {
      const all = [];
      let token = null;
      do {
        if (token) params.set('continuationToken', token);
        const page = await api('GET', `${merchantPath(session.merchantId, '/orders')}?${params}`);
        all.push(...page.items);
        token = page.continuationToken;
      } while (token);
      all.reverse(); // newest first
      if (known) {
        const fresh = all.filter(o => !known.has(o.orderId)).length;
        if (fresh > 0) announce(t('orders.new', { n: fresh }));
      }
      known = new Set(all.map(o => o.orderId));
      error.replaceChildren();
      const json = JSON.stringify(all);
      if (json !== last) { last = json; orders = all; render(); } // unchanged: keep the rows (and the reader's focus)
    } catch (e) {
      if (e.status !== 401) replace(error, h('p', { class: 'message bad' }, problemMessage(e)));
    }
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (windowSelect.value === 'custom') { params.set('from', from.value); params.set('to', to.value); }
    if (status.value) params.set('status', status.value);
    if (search.value.trim()) params.set('q', search.value.trim());
    history.replaceState(null, '', `#/orders${params.size ? `?${params}` : ''}`);
    known = null;
    last = '';
    load();
  });
  search.addEventListener('input', render);

  load();
  const timer = setInterval(load, POLL_MS);
  return () => clearInterval(timer);
}
