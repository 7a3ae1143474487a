// Sends one AlimTalk with SOLAPI's official Node SDK (npm "solapi", pinned in package.json) to a SOLAPI stand-in,
// then lists it back with the SDK's getMessages. The SDK's base URL is fixed (https://api.solapi.com), so requests
// for it are sent to SOLAPI_BASE_URL by wrapping the global fetch the SDK calls.
//
// Input (environment): SOLAPI_BASE_URL, SOLAPI_API_KEY, SOLAPI_API_SECRET, and SEND_JSON, the message as the SDK's
// send() takes it. Output: one JSON line on stdout, {"ok":true,"sent":…,"listed":…} or {"ok":false,"error":…}.
import { SolapiMessageService } from 'solapi';

const base = process.env.SOLAPI_BASE_URL.replace(/\/$/, '');
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) =>
  realFetch(String(url).replace(/^https:\/\/api\.solapi\.com/, base), init);

const service = new SolapiMessageService(process.env.SOLAPI_API_KEY, process.env.SOLAPI_API_SECRET);
const message = JSON.parse(process.env.SEND_JSON);

const describe = (e) => ({
  name: e?._tag ?? e?.name ?? 'Error',
  errorCode: e?.errorCode ?? null,
  errorMessage: e?.errorMessage ?? e?.message ?? String(e),
  httpStatus: e?.httpStatus ?? null,
  failedMessageList: e?.failedMessageList ?? null,
});

try {
  const sent = await service.send(message, { showMessageList: true });
  const messageId = sent.messageList?.[0]?.messageId;
  const listed = messageId ? await service.getMessages({ messageId }) : null;
  console.log(JSON.stringify({ ok: true, sent, listed }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: describe(e) }));
}
