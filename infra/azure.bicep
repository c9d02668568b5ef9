// PUI Desk in Azure: one user-assigned managed identity for everything (the bot's Bot Framework
// credential and Microsoft Graph), an App Service plan (Linux) with N instances, the web app, the
// Azure Bot with the Teams channel, and Application Insights on a Log Analytics workspace.
// No secret anywhere: the app settings hold ids and addresses only.
//
// Deployed by `atk provision --env <env>` (teamsapp.yml, action arm/deploy, which compiles this
// file) or on its own:
//   az deployment group create -g <resource group> -f infra/azure.bicep -p infra/azure.parameters.json
// (az reads ${{VAR}} placeholders literally: pass -p name=value for each, see docs/deploy.md).

@minLength(4)
@maxLength(20)
@description('Prefix of every resource name (letters, digits, hyphens), e.g. puidesk-prod.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On and more than one instance (at most 3); P0v3 or P1v3 for more instances or zone redundancy.')
param webAppSku string = 'B1'

// A string, as every value the Toolkit fills in from env/.env.<env> is one: see the variables below.
@description('How many instances serve the app behind App Service\'s load balancer (1 to 30).')
param instanceCount string = '2'

@description('The Entra ID tenant; default the subscription\'s.')
param tenantId string = tenant().tenantId

@description('Client id of the app registration the tab and the Outlook pane sign in to (aadApp/create writes it).')
param apiClientId string

@description('The Teams app id (the manifest id), so that channel cards open the tab inside Teams.')
param teamsAppId string = ''

@description('The organisation, as shown in the app and sent to Microsoft Graph in the User-Agent.')
param organisationName string

@description('The organisation\'s mail domains, comma-separated (external recipients in Outlook).')
param organisationDomains string = ''

@description('Graph id of the SharePoint site that holds the lists (contoso.sharepoint.com,<guid>,<guid>), or leave empty and give the URL.')
param sharePointSiteId string = ''

@description('URL of the SharePoint site that holds the lists, when the id is not given.')
param sharePointSiteUrl string = ''

@description('Entra object ids of the DPO groups, comma-separated (the app role DPO works too).')
param dpoGroupIds string = ''

@maxLength(42)
param botDisplayName string = 'PUI Desk'

@description('Azure Bot pricing tier: F0 is free and enough for Teams (standard channels are unmetered).')
param botSku string = 'F0'

@description('true: assign the identity its Microsoft Graph application permissions here (needs a deployer who may grant app roles: Privileged Role Administrator or Global Administrator). false: docs/deploy.md gives the commands.')
@allowed(['true', 'false'])
param assignGraphAppRoles string = 'true'

@description('true while `atk deploy` is used (see scmBasicAuth below); false with `az webapp deploy`.')
@allowed(['true', 'false'])
param allowScmBasicAuth string = 'true'

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var instances = int(instanceCount)
var nodeVersion = 'NODE|20-lts'
// The server's liveness route (src/server/app.ts); App Service takes an instance out of the load
// balancer when it stops answering.
var healthCheckPath = '/healthz'
var port = '8080'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: nodeVersion
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true
      healthCheckPath: healthCheckPath
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
    }
  }
}

// Publishing passwords: never for FTP. The deployment endpoint (scm) keeps them only while the
// Toolkit deploys: its azureAppService/zipDeploy lists the publishing credentials. Deploying with
// `az webapp deploy` signs in with Entra ID: then set allowScmBasicAuth to false.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: { allow: allowScmBasicAuth == 'true' }
}

var publicUrl = 'https://${webApp.properties.defaultHostName}'

// Every setting the server reads in production (src/config.ts); ids and addresses, no secrets.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    // Inside the App Service container the front end reaches the app on the container's address.
    HOST: '0.0.0.0'
    PORT: port
    WEBSITES_PORT: port
    PUBLIC_URL: publicUrl
    AZURE_TENANT_ID: tenantId
    API_CLIENT_ID: apiClientId
    BOT_APP_ID: identity.properties.clientId
    BOT_APP_TYPE: 'UserAssignedMSI'
    BOT_TENANT_ID: tenantId
    TEAMS_APP_ID: teamsAppId
    STORE: 'sharepoint'
    SHAREPOINT_SITE_ID: sharePointSiteId
    SHAREPOINT_SITE_URL: sharePointSiteUrl
    SHAREPOINT_AUTH: 'managed-identity'
    AZURE_CLIENT_ID: identity.properties.clientId
    ORGANISATION_NAME: organisationName
    ORGANISATION_DOMAINS: organisationDomains
    GRAPH_ORGANISATION: organisationName
    DPO_GROUP_IDS: dpoGroupIds
    LOG_LEVEL: 'info'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    // The zip holds the source without node_modules; App Service builds it (tsc and esbuild are
    // devDependencies, so they are installed for the build and pruned after it).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm install --include=dev --no-audit --no-fund && npm run build && npm prune --omit=dev'
    // SIGTERM drains in-flight requests and outbox claims before the container is stopped.
    WEBSITES_CONTAINER_STOP_TIME_LIMIT: '30'
  }
}

// The app's console (JSON log lines without personal data) and HTTP logs into the workspace.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// The bot: its Bot Framework identity is the managed identity (no app registration, no secret).
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
    msaAppType: 'UserAssignedMSI'
    disableLocalAuth: true
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Microsoft Graph application permissions of the identity: Sites.Selected (the SharePoint store,
// one site once granted), GroupMember.Read.All (who is in the DPO groups) and Directory.Read.All
// (who holds the app role DPO: the bot reads a person's appRoleAssignments before a card action).
module graphAppRoles 'modules/graph-app-roles.bicep' = if (assignGraphAppRoles == 'true') {
  name: 'graph-app-roles'
  params: {
    principalId: identity.properties.principalId
    appRoles: ['Sites.Selected', 'GroupMember.Read.All', 'Directory.Read.All']
  }
}

// Written to env/.env.<env> by the Toolkit (the names are the variables it fills).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = publicUrl
output BOT_ID string = identity.properties.clientId
output BOT_APP_ID string = identity.properties.clientId
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
