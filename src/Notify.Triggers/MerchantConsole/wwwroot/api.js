// Every call goes to the same origin with the session cookie and the console's header (the CSRF guard).
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let onSessionEnded = () => {};
export function whenSessionEnds(callback) { onSessionEnded = callback; }

export async function api(method, path, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { 'X-Notify-Console': '1', Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/api/console/session')) onSessionEnded();
    throw new ApiError(response.status, data);
  }
  return data;
}

export const merchantPath = (merchantId, rest = '') => `/api/merchants/${encodeURIComponent(merchantId)}${rest}`;
