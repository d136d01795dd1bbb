import { graphql } from '../../gql';

export const DirectoryDocument = graphql(`
  query Directory {
    people(first: 100) {
      edges {
        node {
          id
          name
          colour
          email
          maxSimultaneousCalls
          contactNumbers {
            number
            label
            enabled
            ringTimeoutSeconds
            lineType
            country
          }
        }
      }
    }
    teams(first: 100) {
      edges {
        node {
          id
          name
          colour
          memberIds
          members {
            id
            name
            colour
          }
        }
      }
    }
    hotlines(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreatePersonDocument = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      name
      colour
      email
      maxSimultaneousCalls
      contactNumbers {
        number
        label
        enabled
        ringTimeoutSeconds
        lineType
        country
      }
    }
  }
`);

export const UpdatePersonDocument = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      id
      name
      colour
      email
      maxSimultaneousCalls
      contactNumbers {
        number
        label
        enabled
        ringTimeoutSeconds
        lineType
        country
      }
    }
  }
`);

export const DeletePersonDocument = graphql(`
  mutation DeletePerson($id: ID!) {
    deletePerson(id: $id) {
      id
    }
  }
`);

export const CreateTeamDocument = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
      colour
      memberIds
      members {
        id
        name
        colour
      }
    }
  }
`);

export const UpdateTeamDocument = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      id
      name
      colour
      memberIds
      members {
        id
        name
        colour
      }
    }
  }
`);

export const DeleteTeamDocument = graphql(`
  mutation DeleteTeam($id: ID!) {
    deleteTeam(id: $id) {
      id
    }
  }
`);
