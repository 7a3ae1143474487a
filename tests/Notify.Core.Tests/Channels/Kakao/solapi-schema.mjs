// Decodes a send-many request body (stdin, JSON) with the request schema of SOLAPI's official Node SDK
// (npm "solapi", pinned in package.json), the schema its send() checks its own requests against.
// Output: one JSON line, {"ok":true,"decoded":…} or {"ok":false,"error":"…"}.
import { multipleMessageSendingRequestSchema } from 'solapi';
import { Schema } from 'effect';

let input = '';
for await (const chunk of process.stdin) input += chunk;
try {
  const decoded = Schema.decodeUnknownSync(multipleMessageSendingRequestSchema)(JSON.parse(input));
  console.log(JSON.stringify({ ok: true, decoded }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e) }));
}
