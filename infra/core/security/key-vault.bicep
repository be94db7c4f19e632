// Key Vault for the app's secrets, authorised by Azure RBAC (no access policies).
param name string
param location string
param tags object
param enablePurgeProtection bool

@allowed(['Enabled', 'Disabled'])
param publicNetworkAccess string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be switched off once on, and ARM rejects an explicit false: omit it instead.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      // App Service resolves Key Vault references from shared outbound addresses that are not "trusted services";
      // without VNet integration a Deny default would break every reference. Access still needs RBAC.
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
