// Data-plane roles on one storage account (not the resource group), so a grant reaches nothing else.
param storageAccountName string
param principalId string
param roleDefinitionIds string[]

@description('Stable identifier of the principal for the assignment names (a resource id or the object id itself).')
param principalKey string = principalId

@description('ServicePrincipal for managed identities (skips the directory look-up ARM would otherwise wait for); empty lets ARM decide.')
param principalType string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleDefinitionIds: {
    name: guid(storage.id, principalKey, roleId)
    scope: storage
    properties: {
      principalId: principalId
      principalType: empty(principalType) ? null : principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
