import { graphql } from '../../gql';

export const HotlineListDocument = graphql(`
  query HotlineList {
    hotlines(first: 100) {
      edges {
        node {
          id
          name
          number
          timeZone
          language
        }
      }
    }
  }
`);

export const HotlineSettingsFields = graphql(`
  fragment HotlineSettingsFields on Hotline {
    id
    name
    number
    timeZone
    language
    callerIdMode
    requireAnswerConfirmation
    levelStrategies
    greeting {
      kind
      text
      language
      audioUrl
    }
    supervisors {
      id
      name
      colour
    }
    scenario {
      kind
      greeting {
        kind
        text
        language
        audioUrl
      }
      message {
        kind
        text
        language
        audioUrl
      }
    }
    serviceHours {
      always
      windows {
        days
        start
        end
      }
    }
  }
`);

export const HotlineSettingsDocument = graphql(`
  query HotlineSettings($id: ID!) {
    hotline(id: $id) {
      ...HotlineSettingsFields
    }
    people(first: 100) {
      edges {
        node {
          id
          name
          colour
        }
      }
    }
  }
`);

export const CreateHotlineDocument = graphql(`
  mutation CreateHotline($input: CreateHotlineInput!) {
    createHotline(input: $input) {
      id
      name
      number
      timeZone
      language
    }
  }
`);

export const UpdateHotlineDocument = graphql(`
  mutation UpdateHotline($input: UpdateHotlineInput!) {
    updateHotline(input: $input) {
      ...HotlineSettingsFields
    }
  }
`);

export const DeleteHotlineDocument = graphql(`
  mutation DeleteHotline($id: ID!) {
    deleteHotline(id: $id) {
      id
    }
  }
`);

export const ShiftAlertSettingsFields = graphql(`
  fragment ShiftAlertSettingsFields on ShiftAlertSettings {
    hotlineId
    enabled
    minutesBefore
    channels
    acknowledge {
      withinMinutes
    }
  }
`);

export const ShiftAlertSettingsDocument = graphql(`
  query ShiftAlertSettings($hotlineId: ID!) {
    shiftAlertSettings(hotlineId: $hotlineId) {
      ...ShiftAlertSettingsFields
    }
  }
`);

export const UpdateShiftAlertSettingsDocument = graphql(`
  mutation UpdateShiftAlertSettings($input: UpdateShiftAlertSettingsInput!) {
    updateShiftAlertSettings(input: $input) {
      ...ShiftAlertSettingsFields
    }
  }
`);

export const ShiftAlertsDocument = graphql(`
  query ShiftAlerts($hotlineId: ID!, $from: Instant!, $to: Instant!) {
    shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {
      id
      personId
      level
      dutyStart
      dutyEnd
      sentAt
      sentBy
      acknowledgeBy
      acknowledgedAt
      supervisorsToldAt
    }
  }
`);

export const CallEntryFields = graphql(`
  fragment CallEntryFields on CallEntry {
    hotlineId
    extraNumbers
    rules {
      dialled
      hours {
        days
        start
        end
      }
      target {
        kind
        hotlineId
      }
    }
    front {
      kind
      prompt {
        kind
        text
        language
        audioUrl
      }
      choices {
        key
        label
        target {
          kind
          hotlineId
        }
      }
      matches {
        prefix
        from
        to
        target {
          kind
          hotlineId
        }
      }
      maxDigits
      timeoutSeconds
      defaultTarget {
        kind
        hotlineId
      }
    }
  }
`);

export const CallEntryDocument = graphql(`
  query CallEntry($hotlineId: ID!) {
    callEntry(hotlineId: $hotlineId) {
      ...CallEntryFields
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

export const UpdateCallEntryDocument = graphql(`
  mutation UpdateCallEntry($input: UpdateCallEntryInput!) {
    updateCallEntry(input: $input) {
      ...CallEntryFields
    }
  }
`);
