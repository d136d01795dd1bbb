import { graphql } from '../../gql';

/** The zone the Account page shows times in: the account's first hotline's (the home screen's). */
export const AccountZoneDocument = graphql(`
  query AccountZone {
    hotlines(first: 1) {
      edges {
        node {
          id
          timeZone
        }
      }
    }
  }
`);

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      expiresAt
    }
  }
`);

export const AccountUsersDocument = graphql(`
  query AccountUsers($after: String) {
    users(first: 100, after: $after) {
      edges {
        node {
          id
          name
          email
          role
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SetUserRoleDocument = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!) {
    setUserRole(userId: $userId, role: $role) {
      id
      name
      email
      role
      createdAt
    }
  }
`);

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    role
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeyFields
    }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($after: String, $first: Int) {
    auditLog(after: $after, first: $first) {
      edges {
        node {
          id
          at
          action
          entityType
          entityId
          actor {
            kind
            id
          }
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SendEmailVerificationDocument = graphql(`
  mutation SendEmailVerification {
    sendEmailVerification
  }
`);
