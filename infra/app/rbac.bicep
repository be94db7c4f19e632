// Who may do what, in one place. Every grant is a data-plane role on a single resource; none is Owner or Contributor.
param storageAccountName string
param keyVaultName string
param applicationInsightsName string

@description('The app\'s user-assigned identity, by name so that role assignment names are known before deployment.')
param appIdentityName string

@description('The person running azd; empty grants nothing.')
param userPrincipalId string = ''

// Built-in role definition ids (the same in every tenant).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

var roles = {
  // The Functions host keeps leases, timer status and keys in blob containers it creates (azure-webjobs-hosts,
  // azure-webjobs-secrets) and Flex reads the deployment package; creating containers and leasing needs Owner.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // The person's postprovision hook writes to the static website container, nothing more.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Queue triggers (the host) and the app's own enqueueing; moving a message to <queue>-poison creates that queue.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // The app's records live in Table Storage.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Read secret values: Key Vault references for the app; azd reading the token signing key back for the person.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Send telemetry to Application Insights with Entra ID (local auth is off).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

module appStorage '../core/security/storage-roles.bicep' = {
  name: 'rbac-app-storage'
  params: {
    storageAccountName: storageAccountName
    principalId: appIdentity.properties.principalId
    principalKey: appIdentity.id
    principalType: 'ServicePrincipal'
    roleDefinitionIds: [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]
  }
}

module appKeyVault '../core/security/key-vault-roles.bicep' = {
  name: 'rbac-app-keyvault'
  params: {
    keyVaultName: keyVaultName
    principalId: appIdentity.properties.principalId
    principalKey: appIdentity.id
    principalType: 'ServicePrincipal'
    roleDefinitionIds: [roles.keyVaultSecretsUser]
  }
}

module appTelemetry '../core/security/app-insights-roles.bicep' = {
  name: 'rbac-app-telemetry'
  params: {
    applicationInsightsName: applicationInsightsName
    principalId: appIdentity.properties.principalId
    principalKey: appIdentity.id
    principalType: 'ServicePrincipal'
    roleDefinitionIds: [roles.monitoringMetricsPublisher]
  }
}

module userStorage '../core/security/storage-roles.bicep' = if (!empty(userPrincipalId)) {
  name: 'rbac-user-storage'
  params: {
    storageAccountName: storageAccountName
    principalId: userPrincipalId
    roleDefinitionIds: [roles.storageBlobDataContributor]
  }
}

module userKeyVault '../core/security/key-vault-roles.bicep' = if (!empty(userPrincipalId)) {
  name: 'rbac-user-keyvault'
  params: {
    keyVaultName: keyVaultName
    principalId: userPrincipalId
    roleDefinitionIds: [roles.keyVaultSecretsUser]
  }
}
