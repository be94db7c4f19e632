// Shapes shared by the app modules, so a missing or misspelt setting fails the build.

@export()
@description('Key Vault references (@Microsoft.KeyVault(...)) for app settings; empty means that secret was not created.')
type keyVaultReferenceSet = {
  sendGridApiKey: string
  dfeVacanciesApiKey: string
  tokenSigningKey: string
}

@export()
@description('Plain (non-secret) app settings chosen per environment.')
type appSettingsInput = {
  sendGridFromEmail: string
  dfeVacanciesBaseUrl: string
  postcodesBaseUrl: string
  icsName: string
  icsCode: string
  areaLatitude: string
  areaLongitude: string
  areaRadiusMiles: string
}
