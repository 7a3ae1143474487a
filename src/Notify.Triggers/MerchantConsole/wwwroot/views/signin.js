import { api } from '../api.js';
import { h, field, showFieldErrors } from '../dom.js';
import { t } from '../i18n.js';

export function signInView(main, messageKey, onSignedIn) {
  const merchant = h('input', { name: 'merchantId', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'off' });
  const key = h('input', { name: 'apiKey', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { role: 'alert', class: messageKey ? 'message' : '', id: 'signin-message' }, messageKey ? t(messageKey) : '');
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'signin-title' },
    field('merchantId', t('signin.merchant'), merchant, t('signin.merchantHint')),
    field('apiKey', t('signin.key'), key, t('signin.keyHint')),
    h('button', { type: 'submit' }, t('signin.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = {};
    if (!merchant.value.trim()) errors.merchantId = [t('signin.needMerchant')];
    if (!key.value.trim()) errors.apiKey = [t('signin.needKey')];
    if (showFieldErrors(form, errors)) return;
    message.className = '';
    message.textContent = '';
    try {
      const session = await api('POST', '/api/console/session', { merchantId: merchant.value.trim(), apiKey: key.value.trim() });
      key.value = '';
      onSignedIn(session);
    } catch (error) {
      message.className = 'message bad';
      message.textContent = error.status === 401 ? t('signin.wrong')
        : error.status === 0 ? t('networkError') : (error.problem?.detail ?? t('refused'));
      if (error.problem?.errors) showFieldErrors(form, error.problem.errors);
    }
  });
  main.replaceChildren(h('section', { class: 'signin' }, h('h1', { id: 'signin-title' }, t('signin.title')), message, form));
  (messageKey ? main : merchant).focus();
}
