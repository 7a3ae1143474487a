import { api, whenSessionEnds, merchantPath } from './api.js';
import { h, replace } from './dom.js';
import { t, setLanguage, language, setTimeZone, formatTime } from './i18n.js';
import { signInView } from './views/signin.js';
import { ordersView } from './views/orders.js';
import { orderView } from './views/order.js';
import { customersView } from './views/customers.js';
import { settingsView } from './views/settings.js';
import { broadcastView } from './views/broadcast.js';
import { damageView } from './views/damage.js';

const LANG_KEY = 'notify-console-lang';
const POLL_MS = 5000;
const pages = [
  ['orders', ordersView], ['customers', customersView], ['broadcast', broadcastView], ['damage', damageView], ['settings', settingsView],
];

const state = { session: null, stop: null, bannerTimer: null };

function chosenLanguage(locale) {
  return localStorage.getItem(LANG_KEY) ?? (locale && !locale.toLowerCase().startsWith('ko') ? 'en' : 'ko');
}

async function start() {
  setLanguage(chosenLanguage('ko-KR'));
  whenSessionEnds(() => signedOut('signin.expired'));
  document.getElementById('lang').addEventListener('click', toggleLanguage);
  document.getElementById('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  try {
    state.session = await api('GET', '/api/console/session');
  } catch {
    state.session = null;
  }
  if (state.session) enter(state.session, false);
  else showSignIn();
}

function enter(session, fresh) {
  state.session = session;
  setTimeZone(session.timeZone);
  setLanguage(chosenLanguage(session.locale));
  if (fresh || !location.hash || location.hash.startsWith('#/signin')) location.hash = '#/orders';
  renderShell();
  route();
  pollChannels();
}

function showSignIn(messageKey) {
  stopPage();
  clearInterval(state.bannerTimer);
  document.getElementById('top').hidden = true;
  replace(document.getElementById('banner'));
  renderStatic();
  signInView(document.getElementById('main'), messageKey, session => enter(session, true));
  document.getElementById('main').focus();
}

function signedOut(messageKey) {
  if (!state.session) return;
  state.session = null;
  history.replaceState(null, '', '#/signin');
  showSignIn(messageKey);
}

async function signOut() {
  try { await api('DELETE', '/api/console/session'); } catch { /* the cookie is cleared either way */ }
  signedOut('signin.out');
}

function toggleLanguage() {
  const next = language() === 'ko' ? 'en' : 'ko';
  localStorage.setItem(LANG_KEY, next);
  setLanguage(next);
  if (state.session) { renderShell(); route(); pollChannels(); }
  else showSignIn();
}

function renderStatic() {
  document.getElementById('skip').textContent = t('skip');
  const lang = document.getElementById('lang');
  lang.textContent = t('lang');
  lang.setAttribute('aria-label', t('langLabel'));
  lang.setAttribute('lang', language() === 'ko' ? 'en' : 'ko');
  document.getElementById('sign-out').textContent = t('signOut');
}

function renderShell() {
  renderStatic();
  document.getElementById('top').hidden = false;
  document.getElementById('shop-name').textContent = state.session.name;
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('menu'));
  replace(nav, h('ul', {}, pages.map(([name]) => h('li', {}, h('a', { href: `#/${name}`, 'data-page': name }, t(`nav.${name}`))))));
}

function stopPage() {
  state.stop?.();
  state.stop = null;
}

function route() {
  if (!state.session) return;
  stopPage();
  const [page, ...rest] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/');
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const main = document.getElementById('main');
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.page === (page || 'orders')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const context = { session: state.session, query, resignIn: session => { state.session = session; } };
  replace(main);
  if (page === 'orders' && rest[0]) state.stop = orderView(main, context, decodeURIComponent(rest[0]));
  else state.stop = (pages.find(([name]) => name === page)?.[1] ?? ordersView)(main, context);
  main.focus();
}

async function pollChannels() {
  clearInterval(state.bannerTimer);
  const update = async () => {
    if (!state.session) return;
    try {
      const { channels } = await api('GET', merchantPath(state.session.merchantId, '/channels'));
      const troubled = channels.filter(c => c.state !== 'up');
      replace(document.getElementById('banner'), troubled.map(c =>
        h('p', { 'data-channel': c.channel }, t(`banner.${c.state === 'down' ? 'down' : 'probing'}`,
          { channel: t(`channel.${c.channel}`), since: formatTime(c.since) }))));
    } catch { /* the banner stays as it was; the pages show their own errors */ }
  };
  await update();
  state.bannerTimer = setInterval(update, POLL_MS);
}

start();
