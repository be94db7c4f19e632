// The app's secrets. An optional secret left empty is not created, and its app setting stays empty, so the app
// takes its documented fallback instead of reading an unresolvable Key Vault reference as if it were a key.
import { keyVaultReferenceSet } from 'types.bicep'

param keyVaultName string

@secure()
param sendGridApiKey string

@secure()
param dfeVacanciesApiKey string

@secure()
param tokenSigningKey string

module sendGrid '../core/security/key-vault-secret.bicep' = if (!empty(sendGridApiKey)) {
  name: 'secret-sendgrid-api-key'
  params: {
    keyVaultName: keyVaultName
    name: 'sendgrid-api-key'
    value: sendGridApiKey
  }
}

module dfeVacancies '../core/security/key-vault-secret.bicep' = if (!empty(dfeVacanciesApiKey)) {
  name: 'secret-dfe-vacancies-api-key'
  params: {
    keyVaultName: keyVaultName
    name: 'dfe-vacancies-api-key'
    value: dfeVacanciesApiKey
  }
}

module tokenSigning '../core/security/key-vault-secret.bicep' = {
  name: 'secret-token-signing-key'
  params: {
    keyVaultName: keyVaultName
    name: 'token-signing-key'
    value: tokenSigningKey
  }
}

output references keyVaultReferenceSet = {
  sendGridApiKey: sendGrid.?outputs.appSettingReference ?? ''
  dfeVacanciesApiKey: dfeVacancies.?outputs.appSettingReference ?? ''
  tokenSigningKey: tokenSigning.outputs.appSettingReference
}
