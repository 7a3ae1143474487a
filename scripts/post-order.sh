#!/usr/bin/env bash
# Posts an order signed the Standard Webhooks way, as a merchant's system would.
# Usage: scripts/post-order.sh <merchantId> <whsec_secret> [order.json] [base URL]
# Without a file it posts the contract's example order with a fresh order number.
set -euo pipefail
merchant=$1 secret=$2 file=${3:-} base=${4:-http://localhost:7071}
if [[ -n "$file" ]]; then
    body=$(cat "$file")
else
    body=$(printf '{"orderNumber":"A-%s","placedAt":"%s","customer":{"name":"김민지","phone":"010-1234-5678","email":"minji@example.com","locale":"ko-KR"},"items":[{"name":"쑥떡 세트","quantity":2,"unitPrice":15000}],"total":30000,"currency":"KRW","fulfillment":{"type":"pickup","at":"2026-11-29T10:00:00+09:00"},"note":"문 앞에 놓아주세요"}' \
        "$(date +%s)" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
fi
id="msg_$(date +%s%N)"
ts=$(date +%s)
key=$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')
sig=$(printf '%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | base64)
curl -s -i -X POST "$base/api/merchants/$merchant/orders" \
    -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig" \
    -H 'content-type: application/json' --data-binary "$body"
echo
