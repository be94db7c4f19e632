// App Service Authentication with Entra ID, in front of the app but not in its way: anonymous requests pass (public
// sign-up routes), a signed-in staff member's request carries X-MS-CLIENT-PRINCIPAL, and the app decides per route.
param functionAppName string
param clientId string
param openIdIssuer string

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource auth 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: openIdIssuer
        }
        validation: {
          allowedAudiences: [clientId, 'api://${clientId}']
        }
      }
    }
    login: {
      // Nothing calls a downstream API on the user's behalf, so no tokens are kept server-side.
      tokenStore: { enabled: false }
    }
  }
}
