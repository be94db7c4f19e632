// One Key Vault secret, and the app setting value that points at it.
param keyVaultName string
param name string

@secure()
param value string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: name
  properties: {
    value: value
    contentType: 'text/plain'
  }
}

// Versionless, so a rotated value reaches the app without a redeploy.
output appSettingReference string = '@Microsoft.KeyVault(SecretUri=${secret.properties.secretUri})'
