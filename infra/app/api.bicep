// The function app: a self-contained ASP.NET Core executable speaking the custom-handler protocol, on Flex Consumption.
import { appSettingsInput, keyVaultReferenceSet } from 'types.bicep'

param name string
param location string
param tags object
param planId string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param staticWebsiteOrigin string
param siteOrigin string
param applicationInsightsConnectionString string
param keyVaultReferences keyVaultReferenceSet
param settings appSettingsInput
param instanceMemoryMB int
param maximumInstanceCount int

@description('Entra app registration for staff sign-in; empty leaves bearer-token validation off in the app.')
param entraClientId string = ''
param entraOpenIdIssuer string = ''

@description('Who becomes the first admin at their first sign-in while there is no active admin.')
param bootstrapAdminEmails string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

// Every timer's NCRONTAB schedule (*_SCHEDULE), from the defaults the app itself ships. The Functions host resolves
// %SETTING% in function.json from app settings only, so a timer added to the app is scheduled here without an edit.
var timerSchedules = toObject(
  filter(items(loadJsonContent('../../functions/CareersPipeline.Functions/appsettings.json')), s => endsWith(s.key, '_SCHEDULE')),
  s => s.key,
  s => string(s.value)
)

// Only the site itself and an explicit https origin may call the API from a browser; a wildcard would let any page
// drive the sign-up endpoints with the visitor's browser, so one is dropped rather than trusted.
var extraOrigins = filter([siteOrigin], o => startsWith(o, 'https://') && !contains(o, '*'))

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    // Key Vault references resolve with the app's user-assigned identity (the one holding Key Vault Secrets User).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: concat([staticWebsiteOrigin], extraOrigins)
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // A custom handler: under `custom` the host loads the extension bundle (queueTrigger); under dotnet-isolated it
      // skips it. The image has no .NET, so the app is published self-contained and host.json starts the executable
      // itself (docs/runtime.md, docs/deploy.md).
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }

  // Names are a contract with the app (docs/configuration.md). No connection string carries a key: storage is
  // reached with the managed identity and secrets are Key Vault references.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union({
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      OTEL_SERVICE_NAME: 'careers-pipeline'
      SENDGRID_API_KEY: keyVaultReferences.sendGridApiKey
      SENDGRID_FROM_EMAIL: settings.sendGridFromEmail
      DFE_VACANCIES_API_KEY: keyVaultReferences.dfeVacanciesApiKey
      DFE_VACANCIES_BASE_URL: settings.dfeVacanciesBaseUrl
      POSTCODES_BASE_URL: settings.postcodesBaseUrl
      TOKEN_SIGNING_KEY: keyVaultReferences.tokenSigningKey
      PUBLIC_BASE_URL: 'https://${site.properties.defaultHostName}'
      SITE_ORIGIN: staticWebsiteOrigin
      ICS_NAME: settings.icsName
      ICS_CODE: settings.icsCode
      AREA_LATITUDE: settings.areaLatitude
      AREA_LONGITUDE: settings.areaLongitude
      AREA_RADIUS_MILES: settings.areaRadiusMiles
      // Bearer tokens from API clients are checked by the app against the same registration App Service Authentication uses.
      ENTRA_AUTHORITY: empty(entraClientId) ? '' : entraOpenIdIssuer
      ENTRA_AUDIENCE: entraClientId
      // Only effective while the staff directory has no active admin (docs/security.md, "The first admin").
      BOOTSTRAP_ADMIN_EMAILS: bootstrapAdminEmails
    }, timerSchedules)
  }

  // azd deploys to Flex with an Entra token; publishing passwords would only be another way in.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
