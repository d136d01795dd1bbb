import { graphql } from '../../../gql';

/**
 * What the answers about who takes calls depend on: a write returning any of these (an override, a
 * schedule change) makes urql ask again for the queries that carry this context.
 */
export const ON_CALL_CONTEXT = { additionalTypenames: ['Override', 'OverrideChange', 'ScheduleChange', 'Slot'] };

/** The GraphQL operations of the schedule tools (fragments shared by the previews, the overrides and the call path). */

export const ToolAssigneeFragment = graphql(`
  fragment ToolAssignee on Assignee {
    id
    kind
    level
    person {
      id
      name
      colour
    }
    team {
      id
      name
      colour
    }
  }
`);

export const ToolSlotFragment = graphql(`
  fragment ToolSlot on Slot {
    id
    start
    end
    startsAt
    endsAt
    durationMinutes
    assignees {
      ...ToolAssignee
    }
  }
`);

export const ToolScheduleChangeFragment = graphql(`
  fragment ToolScheduleChange on ScheduleChange {
    version
    added {
      ...ToolSlot
    }
    updated {
      ...ToolSlot
    }
    removed {
      ...ToolSlot
    }
    removedIds
  }
`);

/** The signed-in user's person (same e-mail), who "takes the line". */
export const ToolsMeDocument = graphql(`
  query ToolsMe {
    me {
      person {
        id
        name
        colour
      }
    }
  }
`);

export const ToolsApplyPatternDocument = graphql(`
  mutation ToolsApplyPattern($input: ApplyPatternInput!) {
    applyPattern(input: $input) {
      ...ToolScheduleChange
    }
  }
`);

export const ToolsCopyDayDocument = graphql(`
  mutation ToolsCopyDay($input: CopyDayInput!) {
    copyDay(input: $input) {
      ...ToolScheduleChange
    }
  }
`);

export const ToolsCopyWeekDocument = graphql(`
  mutation ToolsCopyWeek($input: CopyWeekInput!) {
    copyWeek(input: $input) {
      ...ToolScheduleChange
    }
  }
`);

export const ToolsRepeatWeekDocument = graphql(`
  mutation ToolsRepeatWeek($input: RepeatWeekInput!) {
    repeatWeek(input: $input) {
      ...ToolScheduleChange
    }
  }
`);

export const ToolsCopyToHotlineDocument = graphql(`
  mutation ToolsCopyToHotline($input: CopyToHotlineInput!) {
    copyToHotline(input: $input) {
      ...ToolScheduleChange
    }
  }
`);

export const ToolsDirectoryDocument = graphql(`
  query ToolsDirectory {
    people(first: 100) {
      edges {
        node {
          id
          name
          colour
        }
      }
    }
    teams(first: 100) {
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

export const ToolsPatternsDocument = graphql(`
  query ToolsPatterns {
    presetPatterns {
      id
      name
      builtIn
    }
    patterns(first: 100) {
      edges {
        node {
          id
          name
          builtIn
        }
      }
    }
  }
`);

export const ToolsHotlinesDocument = graphql(`
  query ToolsHotlines {
    hotlines(first: 100) {
      edges {
        node {
          id
          name
          timeZone
        }
      }
    }
  }
`);

export const ToolsScheduleDocument = graphql(`
  query ToolsSchedule($hotlineId: ID!, $from: String!, $to: String!) {
    schedule(hotlineId: $hotlineId, from: $from, to: $to) {
      version
      slots {
        ...ToolSlot
      }
    }
  }
`);

export const ToolOverrideFragment = graphql(`
  fragment ToolOverride on Override {
    id
    start
    end
    level
    reason
    createdAt
    assignees {
      ...ToolAssignee
    }
  }
`);

export const ToolsOverridesDocument = graphql(`
  query ToolsOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {
    overrides(hotlineId: $hotlineId, from: $from, to: $to) {
      ...ToolOverride
    }
  }
`);

export const ToolsCreateOverrideDocument = graphql(`
  mutation ToolsCreateOverride($input: CreateOverrideInput!) {
    createOverride(input: $input) {
      hotline {
        id
      }
      override {
        ...ToolOverride
      }
    }
  }
`);

export const ToolsEndOverrideDocument = graphql(`
  mutation ToolsEndOverride($input: EndOverrideInput!) {
    endOverride(input: $input) {
      hotline {
        id
      }
      override {
        ...ToolOverride
      }
    }
  }
`);

export const ToolsOnCallNowDocument = graphql(`
  query ToolsOnCallNow($hotlineId: ID!) {
    onCallNow(hotlineId: $hotlineId) {
      at
      nextChangeAt
      overrideIds
      slotId
      levels {
        ...ToolAssignee
      }
    }
  }
`);

export const ToolsCallPlanDocument = graphql(`
  query ToolsCallPlan($hotlineId: ID!, $at: Instant) {
    callPlan(hotlineId: $hotlineId, at: $at) {
      at
      overrideIds
      slotId
      requireAnswerConfirmation
      greeting {
        text
        audioUrl
      }
      steps {
        kind
        via
        level
        group
        number
        label
        ringTimeoutSeconds
        personId
        personName
        teamId
        greeting {
          text
          audioUrl
        }
        message {
          text
          audioUrl
        }
      }
    }
  }
`);
