// Mutual in Azure: one Linux web app (bot, tab and API in a single Node server), a storage
// account the app reaches only through its managed identity, the Azure Bot registration with
// its Teams channel, and Log Analytics + Application Insights.
// Deployed by `teamsapp provision` (teamsapp.yml, arm/deploy) with infra/azure.parameters.json.

@description('Prefix of every resource name; a hash of the resource group is appended so names are globally unique. Lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param resourceBaseName string = 'mutual'

@description('Region of every resource except the bot registration, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. Basic or higher: Always On keeps the scheduler and the notification worker running.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@description('Runtime stack of the web app (Node 20 LTS).')
param linuxFxVersion string = 'NODE|20-lts'

@description('Client (application) id of the Entra app the bot signs in with (BOT_ID).')
param botAadAppClientId string

@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD); becomes the MICROSOFT_APP_PASSWORD app setting.')
@secure()
param botAadAppClientSecret string

@description('Tenant id of the bot\'s Entra app: the bot is single-tenant.')
param botTenantId string

@description('Client id of the Entra app the tab\'s SSO tokens are issued for (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Tenant id of the SSO Entra app (AAD_APP_TENANT_ID); the API accepts tokens from this tenant only.')
param aadAppTenantId string

@description('Name the bot shows in Azure.')
@maxLength(42)
param botDisplayName string = 'Mutual'

@description('Azure Bot pricing tier; F0 (free) covers Teams, a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var baseName = toLower('${resourceBaseName}-${uniqueString(resourceGroup().id)}')
// Storage account names allow only lowercase letters and digits, at most 24.
var storageAccountName = take(replace(baseName, '-', ''), 24)

// Built-in data-plane roles, so the app needs no account key.
var storageRoleIds = [
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
]

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only: the app authenticates with its managed identity, never with a key.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// One table per kind of record, named STORAGE_TABLE_PREFIX (default `mutual`) + kind, as
// src/store/table-storage.ts lists them. The app also creates any that is missing at start.
var tableKinds = [
  'teams'
  'members'
  'memberships'
  'compacts'
  'notifications'
  'deadletters'
  'conversations'
  'leases'
  'schedule'
  'sandbox'
  'programs'
  'rounds'
  'checkins'
  'roles'
  'help'
  'kudos'
  'pulses'
]

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for kind in tableKinds: {
    parent: tableService
    name: 'mutual${kind}'
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The app's queue: STORAGE_TABLE_PREFIX (default `mutual`) + `notifications`.
resource notificationsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: 'mutualnotifications'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // What `npm run build` leaves in dist/ is what is deployed: the bundled server and the tab.
      appCommandLine: 'node --enable-source-maps server/main.mjs'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

var webAppHost = webApp.properties.defaultHostName

// App settings as a child resource: they need the site's own host name.
resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    MICROSOFT_APP_ID: botAadAppClientId
    MICROSOFT_APP_PASSWORD: botAadAppClientSecret
    MICROSOFT_APP_TYPE: 'SingleTenant'
    MICROSOFT_APP_TENANT_ID: botTenantId
    AAD_APP_CLIENT_ID: aadAppClientId
    // The SSO app is single-tenant: the API takes tokens from its tenant only.
    ALLOWED_TENANTS: aadAppTenantId
    AZURE_STORAGE_ACCOUNT_NAME: storage.name
    TAB_ENDPOINT: 'https://${webAppHost}'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    NODE_ENV: 'production'
    // Storage tokens come from the managed identity only: no fallback to developer sign-ins.
    AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential'
    // The deployed zip is dist/ (one bundled server file and the tab, no node_modules): run it as
    // is, read-only, without an install or build on the server.
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, webApp.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: webApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webAppHost}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      // A channel created from a template starts with the Teams channel terms unaccepted.
      acceptedTerms: true
    }
  }
}

// teamsapp writes these outputs to env/.env.<env> under the same names.
output TAB_ENDPOINT string = 'https://${webAppHost}'
output TAB_DOMAIN string = webAppHost
output BOT_ENDPOINT string = 'https://${webAppHost}/api/messages'
output WEB_APP_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output BOT_SERVICE_NAME string = bot.name
