// Parameters for infra/main.bicep. Non-secret values are set here; secrets and per-operator
// values come from environment variables (read by `az deployment group create` when it compiles
// this file), so nothing secret is ever committed. An unset variable leaves the default.
//
//   export TWILIO_ACCOUNT_SID=AC...  TWILIO_FROM=+1...
//   export NOTIFY_OPERATOR_ID=$(az ad signed-in-user show --query id -o tsv)   # optional
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
//
// See docs/DEPLOY.md.
using 'main.bicep'

param baseName = 'notify'

// Flex Consumption sizing: the instance ceiling is also the cost ceiling.
param maximumInstanceCount = 40
param instanceMemoryMB = 2048

// Notify (defaults suit SMS to Korea).
param defaultRegion = 'KR'
param channels = 'sms,email,webhook'
param smsReceiptTimeout = '00:05:00'
param kakaoReceiptTimeout = '00:05:00'
param kakaoPollInterval = '00:00:30'
param sendPickupTimeout = '00:02:00'
param fanOutTimeout = '00:01:00'
param sweepSchedule = '*/30 * * * * *'
param channelFailureThreshold = 5
param channelCooldown = '00:01:00'
param keyRotationGrace = '1.00:00:00'
param retentionDays = 365
param retentionSchedule = '0 0 3 * * *'
// Seals merchants' webhook secrets at rest: `export NOTIFY_SECRET_KEY=$(openssl rand -base64 32)` for the first
// deployment only; written to Key Vault only when set, so later deployments keep the key (never change it).
param secretKey = readEnvironmentVariable('NOTIFY_SECRET_KEY', '')

// Twilio. Either a sender number or a messaging service SID.
param twilioAccountSid = readEnvironmentVariable('TWILIO_ACCOUNT_SID', '')
param twilioFrom = readEnvironmentVariable('TWILIO_FROM', '')
param twilioMessagingServiceSid = readEnvironmentVariable('TWILIO_MESSAGING_SERVICE_SID', '')
// Written to Key Vault only when set; otherwise the secret in the vault is left as it is.
param twilioAuthToken = readEnvironmentVariable('TWILIO_AUTH_TOKEN', '')

// SOLAPI (KakaoTalk AlimTalk). Key and secret are written to Key Vault only when set.
param solapiFrom = readEnvironmentVariable('SOLAPI_FROM', '')
param solapiApiKey = readEnvironmentVariable('SOLAPI_API_KEY', '')
param solapiApiSecret = readEnvironmentVariable('SOLAPI_API_SECRET', '')

// SMTP.
param smtpHost = readEnvironmentVariable('SMTP_HOST', '')
param smtpPort = int(readEnvironmentVariable('SMTP_PORT', '587'))
param smtpFrom = readEnvironmentVariable('SMTP_FROM', '')
param smtpUser = readEnvironmentVariable('SMTP_USER', '')
// Written to Key Vault only when set; otherwise the secret in the vault is left as it is.
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')

// Optional: your public IP, let through the storage and Key Vault firewalls (for `az keyvault secret set`).
param operatorIpRanges = empty(readEnvironmentVariable('NOTIFY_OPERATOR_IP', '')) ? [] : [readEnvironmentVariable('NOTIFY_OPERATOR_IP', '')]

// Optional: gets Key Vault Secrets Officer on the vault, to run `az keyvault secret set`.
param operatorPrincipalId = readEnvironmentVariable('NOTIFY_OPERATOR_ID', '')

// Operations (README "Operate"): who is e-mailed the alerts, and their thresholds.
param operatorEmail = readEnvironmentVariable('NOTIFY_OPERATOR_EMAIL', '')
param queueAgeAlertMinutes = 10
param serverErrorPercent = 5
