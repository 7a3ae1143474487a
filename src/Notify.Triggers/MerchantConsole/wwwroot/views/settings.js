import { api, merchantPath } from '../api.js';
import { h, field, replace, showFieldErrors, announce } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { problemMessage, isMissingRoute } from './common.js';
import { confirmDialog } from './customers.js';

const CHANNELS = ['kakao', 'sms', 'email', 'webhook'];

// Checks what can be checked here before sending, so the shop owner fixes it in place.
function validate(values) {
  const errors = {};
  if (values.channels.length === 0) errors['settings-chain'] = [t('settings.needChannel')];
  if (values.webhookUrl && !/^https:\/\/[^\s/]+/i.test(values.webhookUrl)) errors['settings-webhook'] = [t('settings.needHttps')];
  if (values.phone && !/^\+?[0-9][0-9\s-]{6,}$/.test(values.phone)) errors['settings-phone'] = [t('settings.needPhone')];
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors['settings-email'] = [t('settings.needEmail')];
  if (Boolean(values.pfId) !== Boolean(values.templateId)) errors['settings-pfid'] = [t('settings.needBoth')];
  return errors;
}

// The server's field errors are keyed by JSON path; the form's inputs by id.
const serverFields = {
  channels: 'settings-chain', webhookUrl: 'settings-webhook', 'alertContact.phone': 'settings-phone',
  'alertContact.email': 'settings-email', 'kakao.pfId': 'settings-pfid', 'kakao.templateId': 'settings-template', kakao: 'settings-pfid',
};

export function settingsView(main, context) {
  const { session } = context;
  const status = h('div', { role: 'status', id: 'settings-status' });
  const content = h('div', {});
  main.append(h('h1', {}, t('settings.title')), status, content);

  const render = (profile, editable) => {
    let chain = [...(profile.channels ?? session.channels)];
    const chainList = h('ul', { class: 'chain', id: 'settings-chain', tabindex: '-1', 'aria-describedby': 'settings-chain-hint settings-chain-error' });
    const drawChain = () => {
      const order = [...chain, ...CHANNELS.filter(c => !chain.includes(c))];
      replace(chainList, order.map((c, i) => {
        const on = chain.includes(c);
        const name = t(`channel.${c}`);
        return h('li', {},
          h('input', { type: 'checkbox', id: `use-${c}`, checked: on, onchange: e => {
            chain = e.target.checked ? [...chain, c] : chain.filter(x => x !== c); drawChain(); document.getElementById(`use-${c}`)?.focus();
          } }),
          h('label', { for: `use-${c}` }, h('span', {}, name)),
          h('button', { type: 'button', class: 'secondary', 'aria-label': t('settings.up', { channel: name }), disabled: !on || i === 0,
            onclick: () => { move(c, -1); } }, '↑'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': t('settings.down', { channel: name }), disabled: !on || i === chain.length - 1,
            onclick: () => { move(c, 1); } }, '↓'));
      }));
    };
    const move = (c, by) => {
      const i = chain.indexOf(c);
      const j = i + by;
      if (j < 0 || j >= chain.length) return;
      [chain[i], chain[j]] = [chain[j], chain[i]];
      drawChain();
      chainList.querySelectorAll('button')[j * 2 + (by < 0 ? 0 : 1)]?.focus();
    };
    drawChain();
    const webhook = h('input', { type: 'url', value: profile.webhookUrl ?? '', inputmode: 'url' });
    const phone = h('input', { type: 'tel', value: profile.alertContact?.phone ?? '', autocomplete: 'tel' });
    const email = h('input', { type: 'email', value: profile.alertContact?.email ?? '', autocomplete: 'email' });
    const pfId = h('input', { value: profile.kakao?.pfId ?? '' });
    const templateId = h('input', { value: profile.kakao?.templateId ?? '' });
    const form = h('form', { class: 'stack', novalidate: true },
      h('fieldset', {}, h('legend', {}, t('settings.chain')), h('p', { class: 'note', id: 'settings-chain-hint' }, t('settings.chainHint')), chainList,
        h('p', { class: 'error', id: 'settings-chain-error', hidden: true })),
      field('settings-webhook', t('settings.webhook'), webhook, t('settings.webhookHint')),
      field('settings-phone', t('settings.alertPhone'), phone),
      field('settings-email', t('settings.alertEmail'), email),
      h('fieldset', {}, h('legend', {}, t('settings.kakao')),
        field('settings-pfid', t('settings.pfId'), pfId), field('settings-template', t('settings.templateId'), templateId)),
      h('button', { type: 'submit', disabled: !editable }, t('save')),
      editable ? null : h('p', { class: 'note' }, t('notAvailable')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const values = { channels: chain, webhookUrl: webhook.value.trim(), phone: phone.value.trim(), email: email.value.trim(),
        pfId: pfId.value.trim(), templateId: templateId.value.trim() };
      if (showFieldErrors(form, validate(values))) return;
      const patch = {
        channels: values.channels, webhookUrl: values.webhookUrl || null,
        alertContact: { phone: values.phone || null, email: values.email || null },
        kakao: values.pfId ? { pfId: values.pfId, templateId: values.templateId } : null,
      };
      try {
        await api('PATCH', merchantPath(session.merchantId, '/settings'), patch);
        replace(status, h('p', { class: 'message' }, t('saved')));
        announce(t('saved'));
      } catch (e) {
        if (e.status === 401) return;
        const errors = Object.fromEntries(Object.entries(e.problem?.errors ?? {}).map(([k, v]) => [serverFields[k] ?? k, v]));
        showFieldErrors(form, errors);
        replace(status, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
      }
    });

    const secretBox = h('div', { id: 'new-secret' });
    const rotate = async (path, labelKey, field) => {
      const yes = await confirmDialog({ title: t('settings.rotateTitle'), body: t('settings.rotateBodyShort'), confirm: t('settings.rotateGo'), danger: true });
      if (!yes) return;
      try {
        const result = await api('POST', merchantPath(session.merchantId, path));
        const value = result[field];
        const box = h('input', { readonly: true, value, id: 'secret-value' });
        const copy = h('button', { type: 'button', onclick: async () => {
          try { await navigator.clipboard.writeText(value); } catch { box.select(); }
          copy.textContent = t('copied');
          announce(t('copied'));
        } }, t('copy'));
        replace(secretBox, h('div', { class: 'field' }, h('label', { for: 'secret-value' }, t(labelKey)), h('div', { class: 'secret' }, box, copy)),
          result.previousValidUntil ? h('p', { class: 'note' }, t('settings.previous', { until: formatTime(result.previousValidUntil) })) : null);
        box.focus();
        box.select();
        // A session hangs on the key it was made with: start a new one with the new key, so the console keeps working.
        if (field === 'apiKey') context.resignIn(await api('POST', '/api/console/session', { merchantId: session.merchantId, apiKey: value }));
      } catch (e) {
        if (e.status !== 401) replace(secretBox, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
      }
    };
    replace(content, form,
      h('h2', {}, t('settings.keys')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => rotate('/api-key/rotate', 'settings.newKey', 'apiKey') }, t('settings.rotateKey')),
        h('button', { type: 'button', class: 'secondary', onclick: () => rotate('/webhook-secret/rotate', 'settings.newSecret', 'webhookSecret') }, t('settings.rotateSecret'))),
      secretBox);
  };

  (async () => {
    try {
      render(await api('GET', merchantPath(session.merchantId)), true);
    } catch (e) {
      if (e.status === 401) return;
      if (isMissingRoute(e)) render({ channels: session.channels }, false);
      else replace(status, h('p', { class: 'message bad', role: 'alert' }, problemMessage(e)));
    }
  })();
  return () => {};
}
