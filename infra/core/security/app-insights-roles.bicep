// Roles on one Application Insights resource (telemetry ingestion with Entra ID).
param applicationInsightsName string
param principalId string
param roleDefinitionIds string[]

@description('Stable identifier of the principal for the assignment names (a resource id or the object id itself).')
param principalKey string = principalId

@description('ServicePrincipal for managed identities; empty lets ARM decide.')
param principalType string = ''

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleDefinitionIds: {
    name: guid(applicationInsights.id, principalKey, roleId)
    scope: applicationInsights
    properties: {
      principalId: principalId
      principalType: empty(principalType) ? null : principalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
