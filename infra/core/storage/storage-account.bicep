// Storage for the Functions host, the app's tables, queues and blobs, and the static website.
// The static website cannot be switched on from Bicep (it is a data-plane setting): infra/hooks/postprovision.sh does it.
param name string
param location string
param tags object

@description('Blob containers to create now (the Flex deployment package). The app creates its own tables, queues and containers.')
param containerNames string[] = []

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    // Entra ID only: no account keys, no SAS signed with them, no anonymous containers.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Public endpoint on purpose: Flex Consumption without VNet integration reaches storage over it, and the static
    // website is the public site. Every data request still needs an Entra token and an RBAC role.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // A Deny default would also block the public static website and the app's own calls (no fixed outbound IPs).
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: { publicAccess: 'None' }
  }
]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
// The endpoint ends with '/'; a browser's Origin header never does, and CORS compares them exactly.
output staticWebsiteOrigin string = take(storage.properties.primaryEndpoints.web, length(storage.properties.primaryEndpoints.web) - 1)
