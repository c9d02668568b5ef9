// Microsoft Graph application permissions (app role assignments) for a managed identity, through
// the Microsoft Graph Bicep extension. This is what admin consent to an
// application permission creates; re-running it changes nothing.
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0'

@description('Object (principal) id of the managed identity\'s service principal.')
param principalId string

@description('The Graph application permissions by name, e.g. Sites.Selected.')
param appRoles string[]

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource assignments 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for role in appRoles: {
    principalId: principalId
    resourceId: graph.id
    appRoleId: filter(graph.appRoles, r => r.value == role)[0].id
  }
]
