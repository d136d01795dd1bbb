import { graphql } from '../../../gql';

/** The board's GraphQL operations, typed by codegen from the gateway's committed schema. */

export const BoardHotlineDocument = graphql(`
  query BoardHotline($id: ID!) {
    hotline(id: $id) {
      id
      name
      timeZone
      serviceHours {
        always
        windows {
          days
          start
          end
        }
      }
    }
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

export const BoardScheduleDocument = graphql(`
  query BoardSchedule($hotlineId: ID!, $from: String!, $to: String!) {
    schedule(hotlineId: $hotlineId, from: $from, to: $to) {
      version
      slots {
        id
        start
        end
        startsAt
        endsAt
        durationMinutes
        assignees {
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
            members {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const BoardOverridesDocument = graphql(`
  query BoardOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {
    overrides(hotlineId: $hotlineId, from: $from, to: $to) {
      id
      start
      end
      level
      reason
      assignees {
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
    }
  }
`);

export const BoardCoverageDocument = graphql(`
  query BoardCoverage($hotlineId: ID!, $from: Instant!, $to: Instant!) {
    coverage(hotlineId: $hotlineId, from: $from, to: $to) {
      coveredFraction
      alwaysInService
      gaps {
        key
        start
        end
        localStart
        localEnd
        reason
      }
    }
  }
`);

export const BoardCoverageBadgeDocument = graphql(`
  query BoardCoverageBadge($hotlineId: ID!, $now: Instant!, $in7: Instant!, $in30: Instant!) {
    week: coverage(hotlineId: $hotlineId, from: $now, to: $in7) {
      coveredFraction
    }
    month: coverage(hotlineId: $hotlineId, from: $now, to: $in30) {
      coveredFraction
    }
  }
`);

export const BoardDirectoryDocument = graphql(`
  query BoardDirectory {
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
          members {
            id
            name
          }
        }
      }
    }
    presetPatterns {
      id
      name
      windows {
        days
        start
        end
        endDayOffset
      }
    }
    patterns(first: 100) {
      edges {
        node {
          id
          name
          windows {
            days
            start
            end
            endDayOffset
          }
        }
      }
    }
  }
`);

export const CreateSlotsDocument = graphql(`
  mutation BoardCreateSlots($input: CreateSlotsInput!) {
    createSlots(input: $input) {
      version
      added {
        id
      }
    }
  }
`);

export const MoveSlotDocument = graphql(`
  mutation BoardMoveSlot($input: MoveSlotInput!) {
    moveSlot(input: $input) {
      version
      updated {
        id
      }
    }
  }
`);

export const ResizeSlotDocument = graphql(`
  mutation BoardResizeSlot($input: ResizeSlotInput!) {
    resizeSlot(input: $input) {
      version
      updated {
        id
      }
    }
  }
`);

export const ReassignSlotDocument = graphql(`
  mutation BoardReassignSlot($input: ReassignSlotInput!) {
    reassignSlot(input: $input) {
      version
      updated {
        id
      }
    }
  }
`);

export const DeleteSlotsDocument = graphql(`
  mutation BoardDeleteSlots($input: DeleteSlotsInput!) {
    deleteSlots(input: $input) {
      version
      removedIds
    }
  }
`);
