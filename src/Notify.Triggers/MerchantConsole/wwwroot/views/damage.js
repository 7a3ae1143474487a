import { api, merchantPath } from '../api.js';
import { h, svg, field, replace } from '../dom.js';
import { t, formatTime, zonedDate } from '../i18n.js';
import { problemMessage } from './common.js';
import { windowQuery } from './orders.js';

// p50Ms and p95Ms are null when nothing in the window was confirmed: say so rather than "0s".
const seconds = ms => (ms === null || ms === undefined ? '–' : `${Math.round(ms / 1000)}s`);

function chart(hourly) {
  const width = 640, height = 200, pad = 28;
  const max = Math.max(1, ...hourly.flatMap(x => [x.orders ?? 0, x.weekEarlier ?? 0]));
  const slot = (width - pad) / Math.max(1, hourly.length);
  const bar = Math.max(2, slot / 2 - 2);
  const y = v => height - pad - (v / max) * (height - 2 * pad);
  return svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title' },
    svg('title', { id: 'chart-title' }, t('damage.chart')),
    hourly.map((x, i) => {
      const now = x.orders ?? 0, before = x.weekEarlier ?? 0;
      return [
        svg('rect', { class: 'before', x: pad + i * slot, y: y(before), width: bar, height: height - pad - y(before) }),
        svg('rect', { class: 'now', x: pad + i * slot + bar + 1, y: y(now), width: bar, height: height - pad - y(now) }),
        // The chart scales to the screen: on a 360 px phone it is drawn at about half size, so few, large labels.
        i % 6 === 0 ? svg('text', { x: pad + i * slot, y: height - 4, 'font-size': 18 }, formatTime(x.hour, false).slice(0, 5)) : null,
      ];
    }));
}

export function damageView(main, { session }) {
  const { day } = zonedDate();
  const from = h('input', { type: 'date', value: day });
  const to = h('input', { type: 'date', value: day });
  const content = h('div', { id: 'damage' });
  const form = h('form', { class: 'filters' }, field('damage-from', t('orders.from'), from), field('damage-to', t('orders.to'), to),
    h('button', { type: 'submit' }, t('damage.show')));
  main.append(h('h1', {}, t('damage.title')), form, content);

  const load = async () => {
    const params = new URLSearchParams(windowQuery(from.value || day, to.value || day));
    try {
      const d = await api('GET', `${merchantPath(session.merchantId, '/damage')}?${params}`);
      const csvParams = new URLSearchParams(params);
      csvParams.set('format', 'csv');
      replace(content,
        h('dl', { class: 'facts' },
          h('dt', {}, t('damage.orders')), h('dd', { id: 'damage-orders' }, d.orders),
          h('dt', {}, t('damage.affected')), h('dd', { id: 'damage-affected' }, d.affected),
          h('dt', {}, t('damage.passedOver')), h('dd', {}, Object.entries(d.passedOver ?? {})
            .map(([c, p]) => t('damage.passedOverOn', { channel: t(`channel.${c}`), failed: p.failed, skipped: p.skipped })).join(', ') || '0'),
          h('dt', {}, t('damage.instead')), h('dd', { id: 'damage-instead' }, Object.entries(d.confirmedInstead ?? {}).map(([c, n]) => `${t(`channel.${c}`)} ${n}`).join(', ') || '0'),
          h('dt', {}, t('damage.unreached')), h('dd', { id: 'damage-unreached' }, d.unreached),
          h('dt', {}, t('damage.ttc')), h('dd', {}, `${seconds(d.timeToConfirm?.p50Ms)} / ${seconds(d.timeToConfirm?.p95Ms)}`)),
        h('h2', {}, t('damage.outages')),
        (d.outages ?? []).length === 0 ? h('p', {}, t('damage.noOutages')) :
          h('ul', {}, d.outages.map(o => h('li', {}, `${t(`channel.${o.channel}`)}: ${formatTime(o.start)} – ${o.end ? formatTime(o.end) : '…'} · ${t('damage.failures', { n: o.failures })}`))),
        h('h2', {}, t('damage.chart')),
        h('div', { class: 'legend' }, h('span', { class: 'swatch-now' }, t('damage.now')), h('span', { class: 'swatch-before' }, t('damage.before'))),
        chart(d.hourly ?? []),
        h('p', {}, h('a', { class: 'button secondary', download: 'damage.csv', href: `${merchantPath(session.merchantId, '/damage')}?${csvParams}` }, t('damage.csv'))));
    } catch (e) {
      if (e.status !== 401) replace(content, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
    }
  };
  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  load();
  return () => {};
}
