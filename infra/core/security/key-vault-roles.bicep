// Data-plane roles on one Key Vault, so a grant reaches no other vault.
param keyVaultName string
param principalId string
param roleDefinitionIds string[]

@description('Stable identifier of the principal for the assignment names (a resource id or the object id itself).')
param principalKey string = principalId

@description('ServicePrincipal for managed identities; empty lets ARM decide.')
param principalType string = ''

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleDefinitionIds: {
    name: guid(vault.id, principalKey, roleId)
    scope: vault
    properties: {
      principalId: principalId
      principalType: empty(principalType) ? null : principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
