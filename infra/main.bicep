// CareersPipeline on Azure: one Flex Consumption function app, its storage, Key Vault and monitoring.
// azd reads the UPPER_SNAKE outputs at the end into the environment (.azure/<env>/.env) for the hooks.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; it seeds resourceToken, so one name gives the same resource names again.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer Flex Consumption (for example uksouth).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the person running azd (azd fills it in). Empty: no data roles for a person.')
param principalId string = ''

@secure()
@description('SendGrid API key. Empty: no secret is created and emails are kept in the outbox container, not sent.')
param sendGridApiKey string = ''

@description('Sender address; SendGrid accepts only a verified sender.')
param sendGridFromEmail string = 'no-reply@careers.example.nhs.uk'

@secure()
@description('DfE apprenticeship vacancies API key. Empty: no secret is created and the vacancy import stays off.')
param dfeVacanciesApiKey string = ''

@secure()
@description('HMAC key for email links and applicant ids, at least 32 bytes: infra/hooks/preprovision.sh makes one per azd environment.')
@minLength(32)
param tokenSigningKey string

@description('Application (client) id of the Entra app registration for staff sign-in. Empty: App Service Authentication stays off.')
param entraClientId string = ''

@description('OpenID issuer for staff sign-in. Empty: this tenant\'s v2.0 issuer.')
param entraOpenIdIssuer string = ''

@description('Comma-separated email addresses that become admin at their first sign-in while the app has no active admin (docs/security.md). Empty: none.')
param bootstrapAdminEmails string = ''

@description('Another https origin (for example a custom domain in front of the site) allowed by CORS. Wildcards are dropped.')
param siteOrigin string = ''

@description('Key Vault purge protection: keep true in production; it stops `azd down --purge` from freeing the vault name for up to 90 days.')
param keyVaultPurgeProtection bool = false

@allowed(['Enabled', 'Disabled'])
@description('Key Vault public network access. Flex Consumption without VNet integration resolves Key Vault references over the public endpoint.')
param keyVaultPublicNetworkAccess string = 'Enabled'

@description('Upper bound on Flex Consumption instances: a cost ceiling as much as a scale limit.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Name of the integrated care system, used in emails and pages.')
param icsName string = 'Staffordshire and Stoke-on-Trent'

@description('ONS code of the ICB (postcodes.io `codes.icb`).')
param icsCode string = 'E54000010'

@description('Centre of the area whose vacancies are imported, decimal degrees.')
param areaLatitude string = '52.8793'
param areaLongitude string = '-2.0577'
param areaRadiusMiles string = '30'

param dfeVacanciesBaseUrl string = 'https://api.apprenticeships.education.gov.uk/vacancies'
param postcodesBaseUrl string = 'https://api.postcodes.io'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are worked out here, not read from module outputs, so What-If can predict every resource.
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
// Flex Consumption reads the deployment package from a blob container of its own.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containerNames: [deploymentContainerName]
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    publicNetworkAccess: keyVaultPublicNetworkAccess
  }
}

module secrets 'app/secrets.bicep' = {
  name: 'secrets'
  scope: rg
  dependsOn: [keyVault]
  params: {
    keyVaultName: names.keyVault
    sendGridApiKey: sendGridApiKey
    dfeVacanciesApiKey: dfeVacanciesApiKey
    tokenSigningKey: tokenSigningKey
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  dependsOn: [storage, keyVault, monitoring, identity]
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    userPrincipalId: principalId
  }
}

module plan 'core/host/flex-consumption-plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: names.plan
    location: location
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [rbac] // the host needs its storage roles from its first start
  params: {
    name: functionAppName
    location: location
    tags: tags
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    staticWebsiteOrigin: storage.outputs.staticWebsiteOrigin
    siteOrigin: siteOrigin
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultReferences: secrets.outputs.references
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    entraClientId: entraClientId
    entraOpenIdIssuer: empty(entraOpenIdIssuer) ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0' : entraOpenIdIssuer
    bootstrapAdminEmails: bootstrapAdminEmails
    settings: {
      sendGridFromEmail: sendGridFromEmail
      dfeVacanciesBaseUrl: dfeVacanciesBaseUrl
      postcodesBaseUrl: postcodesBaseUrl
      icsName: icsName
      icsCode: icsCode
      areaLatitude: areaLatitude
      areaLongitude: areaLongitude
      areaRadiusMiles: areaRadiusMiles
    }
  }
}

module auth 'app/auth.bicep' = if (!empty(entraClientId)) {
  name: 'auth'
  scope: rg
  dependsOn: [api]
  params: {
    functionAppName: functionAppName
    clientId: entraClientId
    openIdIssuer: empty(entraOpenIdIssuer) ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0' : entraOpenIdIssuer
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SITE_URL string = storage.outputs.staticWebsiteOrigin
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
// Not a secret: with local auth disabled on Application Insights the key in it cannot ingest on its own.
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
