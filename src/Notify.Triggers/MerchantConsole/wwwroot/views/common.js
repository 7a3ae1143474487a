import { t } from '../i18n.js';

// A problem's own detail when the server gave one, otherwise a plain sentence for what happened.
export function problemMessage(error) {
  if (error.status === 0) return t('networkError');
  if (isMissingRoute(error)) return t('notAvailable');
  return error.problem?.detail ?? error.problem?.title ?? t('refused');
}

// Routes other issues add (lifecycle, broadcasts, damage) answer 404 or 405 on a server that does not have them yet.
export const isMissingRoute = error => (error.status === 404 || error.status === 405) && !error.problem?.type?.endsWith('/not-found');
