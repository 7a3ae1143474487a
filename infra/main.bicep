// Notify on Azure: one resource group holding
//   - a storage account (the app's tables and queues, the Functions host's blobs, the deployment package),
//   - a Flex Consumption plan (FC1) and a Linux function app (.NET 10 isolated worker),
//   - a user-assigned identity that is the app's only credential (storage, Key Vault, telemetry),
//   - a Key Vault (RBAC, purge protection) for the Twilio auth token, the SOLAPI key and secret, the SMTP password,
//     the secret key and the page-token key,
//   - a virtual network whose one subnet carries the app's outbound traffic: storage and Key Vault accept only
//     that subnet (service endpoints) and the operator's own IP ranges,
//   - Application Insights on a Log Analytics workspace, Entra-only ingestion; alerts e-mailed to the operator and an
//     operations workbook (infra/monitoring.bicep).
// No account keys or connection strings with keys are used anywhere; FTP and basic-auth publishing are off.
// Deploy: see docs/DEPLOY.md. Check: bash infra/check.sh.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters: naming and sizing
// ---------------------------------------------------------------------------------------------

@description('Short prefix for every resource name: 3 to 9 lowercase letters or digits. A hash of the resource group id is appended, so names are unique per resource group.')
@minLength(3)
@maxLength(9)
param baseName string = 'notify'

@description('Azure region. Flex Consumption is not offered everywhere: `az functionapp list-flexconsumption-locations` lists where it is.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Flex Consumption: the most instances the app may scale out to (a cost ceiling).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex Consumption: memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Log Analytics retention in days (30 days are included in the ingestion price).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Log Analytics daily ingestion cap in GB, a cost guard (-1 for no cap). Telemetry above the cap is dropped until the next day.')
param logDailyQuotaGb int = 1

@description('Days a deleted Key Vault (and its secrets) stays recoverable. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Optional: public IP ranges (CIDR, or single addresses) of the operator\'s machines, let through the storage and Key Vault firewalls for `az keyvault secret set`. Empty: only the app\'s subnet (and ARM itself, which writes the secrets passed as parameters) reaches them.')
param operatorIpRanges array = []

@description('Address space of the app\'s virtual network; the app\'s subnet is its first /24.')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Optional: object id of the operator (user, group or service principal) who sets the secrets; gets Key Vault Secrets Officer on the vault. Leave empty to assign it by hand.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// ---------------------------------------------------------------------------------------------
// Parameters: application settings (see CONTRACT.md, "Configuration")
// ---------------------------------------------------------------------------------------------

@description('Public base URL that Twilio calls back (status callbacks are signed over it). Empty: https:// + the app\'s default host name. Set it only when a custom domain or a front door sits before the app.')
param publicBaseUrl string = ''

@description('Region used to read national phone numbers (ISO 3166-1 alpha-2).')
param defaultRegion string = 'KR'

@description('Default channel chain, in order.')
param channels string = 'sms,email,webhook'

@description('How long an accepted SMS may wait for a delivery receipt before the sweep reroutes it (TimeSpan).')
param smsReceiptTimeout string = '00:05:00'

@description('How long an AlimTalk SOLAPI accepted may wait for its result before the sweep reroutes it (TimeSpan).')
param kakaoReceiptTimeout string = '00:05:00'

@description('The shortest adaptive receipt wait: 1.5 x the learned p99 receipt latency, within this and the receipt timeouts; 00:00:00 turns it off (TimeSpan).')
param adaptiveReceiptFloor string = '00:00:20'

@description('How often the sweep asks SOLAPI for the result of an AlimTalk still waiting for one (TimeSpan).')
param kakaoPollInterval string = '00:00:30'

@description('How long a queued send may wait to be picked up before the sweep reroutes it (TimeSpan).')
param sendPickupTimeout string = '00:02:00'

@description('How long a stored order may wait to be fanned out before the sweep fans it out (TimeSpan).')
param fanOutTimeout string = '00:01:00'

@description('NCRONTAB schedule (six fields, with seconds) of the sweep timer.')
param sweepSchedule string = '*/15 * * * * *'

@description('Failures in a row after which a channel is considered down for everybody.')
@minValue(1)
param channelFailureThreshold int = 5

@description('How long a channel that is down is skipped before it is tried again (TimeSpan).')
param channelCooldown string = '00:01:00'

@description('Twilio account SID (AC...). Not a secret.')
param twilioAccountSid string = ''

@description('Twilio sender number in E.164; leave empty when a messaging service is used.')
param twilioFrom string = ''

@description('Twilio messaging service SID (MG...); leave empty when a sender number is used.')
param twilioMessagingServiceSid string = ''

@description('Twilio auth token. Written to Key Vault only when not empty, so a redeploy without it keeps the value set with `az keyvault secret set`.')
@secure()
param twilioAuthToken string = ''

@description('Key that encrypts merchants\' webhook secrets at rest (base64 of 32 random bytes: `openssl rand -base64 32`). Written to Key Vault only when not empty, so a redeploy without it keeps the value set with `az keyvault secret set`. Never change it once merchants exist: their secrets could no longer be read.')
@secure()
param secretKey string = ''

@description('How long a rotated-out API key or webhook secret keeps working (TimeSpan).')
param keyRotationGrace string = '1.00:00:00'

@description('Days an order keeps its customer\'s contact details, for merchants that set none.')
@minValue(1)
param retentionDays int = 365

@description('NCRONTAB (six fields, with seconds) of the retention sweep; daily at 03:00 UTC by default.')
param retentionSchedule string = '0 0 3 * * *'

@description('Key that seals continuation tokens. Defaults to a new random value on every deployment, which only ends the paging sessions open at that moment.')
@secure()
param pageTokenKey string = newGuid()

@description('SOLAPI sender number (national form) for KakaoTalk AlimTalk; may stay empty, as AlimTalk is sent with SOLAPI\'s SMS fallback off.')
param solapiFrom string = ''

@description('SOLAPI API key. Written to Key Vault only when not empty, so a redeploy without it keeps the value set with `az keyvault secret set`.')
@secure()
param solapiApiKey string = ''

@description('SOLAPI API secret (signs every request). Written to Key Vault only when not empty.')
@secure()
param solapiApiSecret string = ''

@description('SMTP server host name.')
param smtpHost string = ''

@description('SMTP server port.')
param smtpPort int = 587

@description('Sender address of confirmation e-mails.')
param smtpFrom string = ''

@description('SMTP user name.')
param smtpUser string = ''

@description('SMTP password. Written to Key Vault only when not empty, so a redeploy without it keeps the value set with `az keyvault secret set`.')
@secure()
param smtpPassword string = ''

@description('Key that signs merchant console session cookies: 32 random bytes, base64 (`openssl rand -base64 32`). Written to Key Vault only when not empty, so a redeploy without it keeps the value set with `az keyvault secret set`.')
@secure()
param consoleSessionKey string = ''

// ---------------------------------------------------------------------------------------------
// Parameters: operations (infra/monitoring.bicep; README "Operate")
// ---------------------------------------------------------------------------------------------

@description('E-mail address of the operator who receives the alerts (a channel down, an exhausted delivery, an old queue message, 5xx). Empty: alerts show in the portal only.')
param operatorEmail string = ''

@description('Minutes the oldest message on a Notify queue may wait before the queue-age alert fires.')
@minValue(1)
param queueAgeAlertMinutes int = 10

@description('Percentage of HTTP requests answered 5xx within 5 minutes that fires the server-error alert.')
@minValue(1)
@maxValue(100)
param serverErrorPercent int = 5

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id) // 13 lowercase characters
var name = toLower(baseName)
var storageAccountName = 'st${name}${suffix}' // <= 24, lowercase letters and digits
var keyVaultName = 'kv${name}${suffix}' // <= 24
var functionAppName = 'func-${name}-${suffix}'
var planName = 'plan-${name}-${suffix}'
var identityName = 'id-${name}-${suffix}'
var logAnalyticsName = 'log-${name}-${suffix}'
var appInsightsName = 'appi-${name}-${suffix}'
var deploymentContainerName = 'deployment-package'
var twilioAuthTokenSecretName = 'twilio-auth-token'
var smtpPasswordSecretName = 'smtp-password'
var secretKeySecretName = 'notify-secret-key'

var pageTokenKeySecretName = 'page-token-key'
var vnetName = 'vnet-${name}-${suffix}'
var appSubnetName = 'snet-app'

var solapiApiKeySecretName = 'solapi-api-key'
var solapiApiSecretSecretName = 'solapi-api-secret'

var consoleSessionKeySecretName = 'console-session-key'

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Network: the app's outbound traffic leaves through one subnet. Flex Consumption has no fixed
// outbound IP and is not one of the "trusted Azure services" of the storage and Key Vault
// firewalls, so the firewalls name this subnet (service endpoints) instead.
// ---------------------------------------------------------------------------------------------

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        vnetAddressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 24, 0)
          // Flex Consumption integrates through a subnet delegated to Microsoft.App/environments.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: appSubnetName
}

var operatorIpRules = [
  for range in operatorIpRanges: {
    value: range
    action: 'Allow'
  }
]

// ---------------------------------------------------------------------------------------------
// Storage: tables + queues of the app, host blobs (locks, timer schedule), deployment package
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // Enabled means "through the firewall below": only the app's subnet and the operator's ranges.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      // Trusted platform services (the deployment and monitoring services) keep their way in.
      bypass: 'AzureServices'
      virtualNetworkRules: [
        {
          id: appSubnet.id
          action: 'Allow'
        }
      ]
      ipRules: operatorIpRules
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Data-plane roles on THIS account only: blobs (deployment package, host locks and keys),
// queues, tables. Nothing at resource-group or subscription scope.
var storageRoleIds = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// ---------------------------------------------------------------------------------------------
// Key Vault: secrets read by the app through Key Vault references
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    // A deleted vault (and its secrets) cannot be purged before its retention ends. Cannot be turned off again.
    enablePurgeProtection: true
    // Enabled means "through the firewall below". Secrets passed as deployment parameters are written by ARM,
    // which the firewall does not stop; `az keyvault secret set` needs one of operatorIpRanges.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
      virtualNetworkRules: [
        {
          id: appSubnet.id
        }
      ]
      ipRules: [
        for range in operatorIpRanges: {
          value: range
        }
      ]
    }
  }
}

// Created only when a value is given: an empty parameter on a redeploy must not overwrite a
// secret that the operator set by hand. The references below do not depend on these resources.
resource twilioAuthTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(twilioAuthToken)) {
  parent: keyVault
  name: twilioAuthTokenSecretName
  properties: {
    value: twilioAuthToken
    contentType: 'text/plain'
  }
}

resource secretKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(secretKey)) {
  parent: keyVault
  name: secretKeySecretName
  properties: {
    value: secretKey
    contentType: 'text/plain'
  }
}

resource solapiApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(solapiApiKey)) {
  parent: keyVault
  name: solapiApiKeySecretName
  properties: {
    value: solapiApiKey
    contentType: 'text/plain'
  }
}

resource solapiApiSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(solapiApiSecret)) {
  parent: keyVault
  name: solapiApiSecretSecretName
  properties: {
    value: solapiApiSecret
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: keyVault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

// Always written: a fresh key on each deployment only ends the paging sessions open at that moment.
resource pageTokenKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: pageTokenKeySecretName
  properties: {
    value: pageTokenKey
    contentType: 'text/plain'
  }
}

resource keyVaultSecretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource keyVaultSecretsOfficerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(keyVault.id, operatorPrincipalId, roles.keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// ---------------------------------------------------------------------------------------------
// Monitoring: Application Insights (Entra-only ingestion) on Log Analytics
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
    workspaceCapping: {
      dailyQuotaGb: logDailyQuotaGb
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

resource appInsightsPublisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.monitoringMetricsPublisher
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Alerts to the operator and the operations workbook.
module monitoring 'monitoring.bicep' = {
  name: 'notify-monitoring'
  params: {
    location: location
    tags: tags
    name: '${name}-${suffix}'
    appInsightsId: appInsights.id
    operatorEmail: operatorEmail
    queueAgeAlertMinutes: queueAgeAlertMinutes
    serverErrorPercent: serverErrorPercent
  }
}

// ---------------------------------------------------------------------------------------------
// Function app on Flex Consumption
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    // Outbound through the subnet the storage and Key Vault firewalls let in.
    virtualNetworkSubnetId: appSubnet.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    deploymentContainer
  ]
}

// Publishing takes an Entra sign-in only: no FTP or SCM user name and password exist to leak.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource consoleSessionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(consoleSessionKey)) {
  parent: keyVault
  name: consoleSessionKeySecretName
  properties: {
    value: consoleSessionKey
    contentType: 'text/plain'
  }
}

// ---------------------------------------------------------------------------------------------
// App settings: the ONE place where every setting the app reads is defined. The tuning knobs
// without a parameter hold the code's defaults (tests/Notify.IntegrationTests/Configuration/
// SettingsParityTests.cs compares these names and values with the code and the local sample).
// `__` is the configuration section separator. Do not add AzureWebJobsStorage (connection
// string), FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION or WEBSITE_RUN_FROM_PACKAGE:
// Flex Consumption takes those from functionAppConfig. Notify__AdminKey is self-host only:
// in Azure the operator routes take the Functions host key named `operator` (docs/DEPLOY.md).
// ---------------------------------------------------------------------------------------------

var appSettings = {
  // Host and app storage, identity-based (no keys).
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId

  // Telemetry, Entra auth (the resource has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'

  // Notify
  Notify__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl
  Notify__PageTokenKey: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${pageTokenKeySecretName}/)'
  Notify__DefaultRegion: defaultRegion
  Notify__Channels: channels
  Notify__SmsReceiptTimeout: smsReceiptTimeout
  Notify__KakaoReceiptTimeout: kakaoReceiptTimeout
  Notify__AdaptiveReceiptFloor: adaptiveReceiptFloor
  Notify__KakaoPollInterval: kakaoPollInterval
  Notify__SendPickupTimeout: sendPickupTimeout
  Notify__IntakeConcurrency: '32' // orders one instance takes at once; more get 503 + Retry-After
  Notify__FanOutTimeout: fanOutTimeout
  Notify__SweepSchedule: sweepSchedule
  Notify__ChannelFailureThreshold: string(channelFailureThreshold)
  Notify__ChannelFailureWindow: '00:01:00' // the window the threshold's failures are counted in
  Notify__ChannelCooldown: channelCooldown
  Notify__ChannelProbes: '3' // deliveries at once that may probe a channel that is down
  // Seals merchants' webhook secrets at rest and keys customer ids; a Key Vault reference like the other secrets.
  Notify__SecretKey: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${secretKeySecretName}/)'
  Notify__KeyRotationGrace: keyRotationGrace
  Notify__RetentionDays: string(retentionDays)
  Notify__RetentionSchedule: retentionSchedule
  Notify__ConsoleSessionKey: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${consoleSessionKeySecretName}/)'
  Notify__ConsoleSessionLifetime: '12:00:00' // how long a console sign-in lasts
  Notify__AllowPrivateWebhooks: 'False' // webhooks only over https to public addresses (true is for local development)
  Notify__SmsSendsPerSecond: '10' // broadcast sends released per second on SMS: the Twilio sender's own limit
  Notify__EmailSendsPerSecond: '10' // broadcast sends released per second by e-mail
  Notify__WebhookSendsPerSecond: '10' // broadcast sends released per second to the merchant's webhook
  Notify__QuietHoursStart: '21:00:00' // no broadcast is sent from then (merchant's time zone) unless urgent
  Notify__QuietHoursEnd: '08:00:00' // until then

  // Twilio; the auth token is a Key Vault reference resolved with the user-assigned identity.
  Twilio__AccountSid: twilioAccountSid
  Twilio__AuthToken: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${twilioAuthTokenSecretName}/)'
  Twilio__From: twilioFrom
  Twilio__MessagingServiceSid: twilioMessagingServiceSid
  Twilio__BaseUrl: '' // empty: Twilio itself (the sandbox URL is for local runs only)
  Twilio__Timeout: '00:00:10' // one create request; after it the outcome is unknown
  Twilio__RetryDelay: '00:00:01' // median pause before the first retry, doubling after
  Twilio__BreakFor: '00:00:30' // how long the circuit stays open after repeated failures

  // SOLAPI (KakaoTalk AlimTalk); the key and the secret are Key Vault references.
  Solapi__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${solapiApiKeySecretName}/)'
  Solapi__ApiSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${solapiApiSecretSecretName}/)'
  Solapi__From: solapiFrom
  Solapi__BaseUrl: '' // empty: SOLAPI itself, https://api.solapi.com (the sandbox URL is for local runs only)
  Solapi__Timeout: '00:00:10' // one send; after it the outcome is unknown
  Solapi__RetryDelay: '00:00:01' // median pause before the first retry, doubling after
  Solapi__BreakFor: '00:00:30' // how long the circuit stays open after repeated failures

  // SMTP; the password is a Key Vault reference.
  Smtp__Host: smtpHost
  Smtp__Port: string(smtpPort)
  Smtp__From: smtpFrom
  Smtp__User: smtpUser
  Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${smtpPasswordSecretName}/)'
  Smtp__UseTls: 'Auto' // by port: none on 25, TLS from the start on 465, STARTTLS otherwise
  Smtp__Timeout: '00:00:15' // connecting and sending one mail, in all

  // Merchants' webhooks.
  Webhook__Timeout: '00:00:10' // one POST
  Webhook__RetryDelay: '00:00:01' // median pause before the first retry, doubling after
}

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
  // The host starts as soon as settings land: let it find its roles in place.
  dependsOn: [
    storageRoles
    keyVaultSecretsUserRole
    appInsightsPublisherRole
  ]
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

@description('Base URL of the function app (Notify__PublicBaseUrl unless publicBaseUrl is set).')
output functionAppUrl string = 'https://${functionApp.properties.defaultHostName}'

@description('Name of the function app, for `func azure functionapp publish`.')
output functionAppName string = functionApp.name

@description('Name of the storage account holding the tables and queues.')
output storageAccountName string = storage.name

@description('Name of the Key Vault holding the Twilio auth token and SMTP password.')
output keyVaultName string = keyVault.name
