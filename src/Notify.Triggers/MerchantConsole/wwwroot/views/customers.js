import { api, merchantPath } from '../api.js';
import { h, field, replace, announce } from '../dom.js';
import { t, formatTime, formatPhone } from '../i18n.js';
import { problemMessage } from './common.js';

export function confirmDialog({ title, body, confirm, danger }) {
  return new Promise(resolve => {
    const ok = h('button', { type: 'button', class: danger ? 'danger' : '' }, confirm);
    const no = h('button', { type: 'button', class: 'secondary' }, t('cancel'));
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title', 'aria-describedby': 'dialog-body' },
      h('h2', { id: 'dialog-title' }, title), h('p', { id: 'dialog-body' }, body), h('div', { class: 'actions' }, no, ok));
    const done = value => { dialog.close(); dialog.remove(); resolve(value); };
    ok.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', event => { event.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

export function customersView(main, { session }) {
  const search = h('input', { type: 'search', autocomplete: 'off', placeholder: t('customers.searchHint') });
  const body = h('tbody', { id: 'customers-body' });
  const status = h('div', { role: 'status' });
  const noErase = h('p', { class: 'note', hidden: true }, t('customers.noId'));
  const csv = h('a', { class: 'button secondary', id: 'customers-csv', download: 'customers.csv',
    href: merchantPath(session.merchantId, '/customers?format=csv') }, t('customers.csv'));
  main.append(h('h1', {}, t('customers.title')),
    h('form', { class: 'filters', role: 'search', onsubmit: e => e.preventDefault() },
      field('customers-q', t('customers.search'), search)),
    status, noErase,
    h('table', { class: 'cards' },
      h('caption', { class: 'visually-hidden' }, t('customers.title')),
      h('thead', {}, h('tr', {}, ['customers.name', 'customers.phone', 'customers.email', 'customers.lastOrder']
        .map(k => h('th', { scope: 'col' }, t(k))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('customers.erase'))))),
      body),
    h('p', {}, csv));

  let customers = [];
  const render = () => {
    const q = search.value.trim().toLowerCase().replace(/[\s-]/g, '');
    const digits = q.replace(/^0/, '');
    const shown = customers.filter(c => !q || [c.name, c.phone, c.email].filter(Boolean)
      .some(v => v.toLowerCase().includes(q) || (digits.length >= 4 && /^\d+$/.test(digits) && v.includes(digits))));
    replace(body, shown.length === 0 ? h('tr', {}, h('td', { colspan: 5 }, t('customers.empty'))) : shown.map(c => h('tr', {},
      h('td', { 'data-label': t('customers.name') }, c.name),
      h('td', { 'data-label': t('customers.phone') }, c.phone ? h('a', { href: `tel:${c.phone}` }, formatPhone(c.phone)) : '—'),
      h('td', { 'data-label': t('customers.email') }, c.email ? h('a', { href: `mailto:${c.email}` }, c.email) : '—'),
      h('td', { 'data-label': t('customers.lastOrder') },
        h('a', { href: `#/orders/${encodeURIComponent(c.lastOrderId)}` }, c.lastOrderNumber), ' ', formatTime(c.lastOrderAt)),
      h('td', {}, c.customerId
        ? h('button', { type: 'button', class: 'secondary', 'aria-label': t('customers.eraseOf', { name: c.name }), onclick: () => erase(c) }, t('customers.erase'))
        : null))));
    noErase.hidden = customers.length === 0 || customers.some(c => c.customerId);
  };

  const erase = async customer => {
    const yes = await confirmDialog({
      title: t('customers.eraseTitle'), body: t('customers.eraseBody', { name: customer.name }), confirm: t('customers.eraseConfirm'), danger: true,
    });
    if (!yes) return;
    try {
      await api('DELETE', merchantPath(session.merchantId, `/customers/${encodeURIComponent(customer.customerId)}`));
      replace(status, h('p', { class: 'message' }, t('customers.erased')));
      announce(t('customers.erased'));
      await load();
    } catch (e) {
      if (e.status !== 401) replace(status, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
    }
  };

  const load = async () => {
    try {
      const all = [];
      let token = null;
      do {
        const params = new URLSearchParams({ limit: '1000' });
        if (token) params.set('continuationToken', token);
        const page = await api('GET', `${merchantPath(session.merchantId, '/customers')}?${params}`);
        all.push(...page.items);
        token = page.continuationToken;
      } while (token);
      customers = all;
      render();
    } catch (e) {
      if (e.status !== 401) replace(status, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
    }
  };
  search.addEventListener('input', render);
  load();
  return () => {};
}
