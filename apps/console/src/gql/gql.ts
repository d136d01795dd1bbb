/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FirstHotline {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.FirstHotlineDocument,
    "\n  query Me {\n    me {\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n        email\n        emailVerified\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query AccountZone {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.AccountZoneDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query AccountUsers($after: String) {\n    users(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          role\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AccountUsersDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      name\n      email\n      role\n      createdAt\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditLog($after: String, $first: Int) {\n    auditLog(after: $after, first: $first) {\n      edges {\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          actor {\n            kind\n            id\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n": typeof types.SendEmailVerificationDocument,
    "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n": typeof types.InvitationFieldsFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      accountName\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      emailSent\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation Login($email: String!, $password: String!, $accountId: ID) {\n    login(email: $email, password: $password, accountId: $accountId) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Directory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          email\n          maxSimultaneousCalls\n          contactNumbers {\n            number\n            label\n            enabled\n            ringTimeoutSeconds\n            lineType\n            country\n          }\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          memberIds\n          members {\n            id\n            name\n            colour\n          }\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DirectoryDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation DeletePerson($id: ID!) {\n    deletePerson(id: $id) {\n      id\n    }\n  }\n": typeof types.DeletePersonDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteTeamDocument,
    "\n  query HotlineList {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          number\n          timeZone\n          language\n        }\n      }\n    }\n  }\n": typeof types.HotlineListDocument,
    "\n  fragment HotlineSettingsFields on Hotline {\n    id\n    name\n    number\n    timeZone\n    language\n    callerIdMode\n    requireAnswerConfirmation\n    levelStrategies\n    greeting {\n      kind\n      text\n      language\n      audioUrl\n    }\n    supervisors {\n      id\n      name\n      colour\n    }\n    scenario {\n      kind\n      greeting {\n        kind\n        text\n        language\n        audioUrl\n      }\n      message {\n        kind\n        text\n        language\n        audioUrl\n      }\n    }\n    serviceHours {\n      always\n      windows {\n        days\n        start\n        end\n      }\n    }\n  }\n": typeof types.HotlineSettingsFieldsFragmentDoc,
    "\n  query HotlineSettings($id: ID!) {\n    hotline(id: $id) {\n      ...HotlineSettingsFields\n    }\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": typeof types.HotlineSettingsDocument,
    "\n  mutation CreateHotline($input: CreateHotlineInput!) {\n    createHotline(input: $input) {\n      id\n      name\n      number\n      timeZone\n      language\n    }\n  }\n": typeof types.CreateHotlineDocument,
    "\n  mutation UpdateHotline($input: UpdateHotlineInput!) {\n    updateHotline(input: $input) {\n      ...HotlineSettingsFields\n    }\n  }\n": typeof types.UpdateHotlineDocument,
    "\n  mutation DeleteHotline($id: ID!) {\n    deleteHotline(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteHotlineDocument,
    "\n  fragment ShiftAlertSettingsFields on ShiftAlertSettings {\n    hotlineId\n    enabled\n    minutesBefore\n    channels\n    acknowledge {\n      withinMinutes\n    }\n  }\n": typeof types.ShiftAlertSettingsFieldsFragmentDoc,
    "\n  query ShiftAlertSettings($hotlineId: ID!) {\n    shiftAlertSettings(hotlineId: $hotlineId) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n": typeof types.ShiftAlertSettingsDocument,
    "\n  mutation UpdateShiftAlertSettings($input: UpdateShiftAlertSettingsInput!) {\n    updateShiftAlertSettings(input: $input) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n": typeof types.UpdateShiftAlertSettingsDocument,
    "\n  query ShiftAlerts($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      personId\n      level\n      dutyStart\n      dutyEnd\n      sentAt\n      sentBy\n      acknowledgeBy\n      acknowledgedAt\n      supervisorsToldAt\n    }\n  }\n": typeof types.ShiftAlertsDocument,
    "\n  fragment CallEntryFields on CallEntry {\n    hotlineId\n    extraNumbers\n    rules {\n      dialled\n      hours {\n        days\n        start\n        end\n      }\n      target {\n        kind\n        hotlineId\n      }\n    }\n    front {\n      kind\n      prompt {\n        kind\n        text\n        language\n        audioUrl\n      }\n      choices {\n        key\n        label\n        target {\n          kind\n          hotlineId\n        }\n      }\n      matches {\n        prefix\n        from\n        to\n        target {\n          kind\n          hotlineId\n        }\n      }\n      maxDigits\n      timeoutSeconds\n      defaultTarget {\n        kind\n        hotlineId\n      }\n    }\n  }\n": typeof types.CallEntryFieldsFragmentDoc,
    "\n  query CallEntry($hotlineId: ID!) {\n    callEntry(hotlineId: $hotlineId) {\n      ...CallEntryFields\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CallEntryDocument,
    "\n  mutation UpdateCallEntry($input: UpdateCallEntryInput!) {\n    updateCallEntry(input: $input) {\n      ...CallEntryFields\n    }\n  }\n": typeof types.UpdateCallEntryDocument,
    "\n  query BoardHotline($id: ID!) {\n    hotline(id: $id) {\n      id\n      name\n      timeZone\n      serviceHours {\n        always\n        windows {\n          days\n          start\n          end\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.BoardHotlineDocument,
    "\n  query BoardSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        id\n        start\n        end\n        startsAt\n        endsAt\n        durationMinutes\n        assignees {\n          id\n          kind\n          level\n          person {\n            id\n            name\n            colour\n          }\n          team {\n            id\n            name\n            colour\n            members {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardScheduleDocument,
    "\n  query BoardOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      start\n      end\n      level\n      reason\n      assignees {\n        id\n        kind\n        level\n        person {\n          id\n          name\n          colour\n        }\n        team {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": typeof types.BoardOverridesDocument,
    "\n  query BoardCoverage($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    coverage(hotlineId: $hotlineId, from: $from, to: $to) {\n      coveredFraction\n      alwaysInService\n      gaps {\n        key\n        start\n        end\n        localStart\n        localEnd\n        reason\n      }\n    }\n  }\n": typeof types.BoardCoverageDocument,
    "\n  query BoardCoverageBadge($hotlineId: ID!, $now: Instant!, $in7: Instant!, $in30: Instant!) {\n    week: coverage(hotlineId: $hotlineId, from: $now, to: $in7) {\n      coveredFraction\n    }\n    month: coverage(hotlineId: $hotlineId, from: $now, to: $in30) {\n      coveredFraction\n    }\n  }\n": typeof types.BoardCoverageBadgeDocument,
    "\n  query BoardDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          members {\n            id\n            name\n          }\n        }\n      }\n    }\n    presetPatterns {\n      id\n      name\n      windows {\n        days\n        start\n        end\n        endDayOffset\n      }\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          windows {\n            days\n            start\n            end\n            endDayOffset\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardDirectoryDocument,
    "\n  mutation BoardCreateSlots($input: CreateSlotsInput!) {\n    createSlots(input: $input) {\n      version\n      added {\n        id\n      }\n    }\n  }\n": typeof types.BoardCreateSlotsDocument,
    "\n  mutation BoardMoveSlot($input: MoveSlotInput!) {\n    moveSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": typeof types.BoardMoveSlotDocument,
    "\n  mutation BoardResizeSlot($input: ResizeSlotInput!) {\n    resizeSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": typeof types.BoardResizeSlotDocument,
    "\n  mutation BoardReassignSlot($input: ReassignSlotInput!) {\n    reassignSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": typeof types.BoardReassignSlotDocument,
    "\n  mutation BoardDeleteSlots($input: DeleteSlotsInput!) {\n    deleteSlots(input: $input) {\n      version\n      removedIds\n    }\n  }\n": typeof types.BoardDeleteSlotsDocument,
    "\n  fragment ToolAssignee on Assignee {\n    id\n    kind\n    level\n    person {\n      id\n      name\n      colour\n    }\n    team {\n      id\n      name\n      colour\n    }\n  }\n": typeof types.ToolAssigneeFragmentDoc,
    "\n  fragment ToolSlot on Slot {\n    id\n    start\n    end\n    startsAt\n    endsAt\n    durationMinutes\n    assignees {\n      ...ToolAssignee\n    }\n  }\n": typeof types.ToolSlotFragmentDoc,
    "\n  fragment ToolScheduleChange on ScheduleChange {\n    version\n    added {\n      ...ToolSlot\n    }\n    updated {\n      ...ToolSlot\n    }\n    removed {\n      ...ToolSlot\n    }\n    removedIds\n  }\n": typeof types.ToolScheduleChangeFragmentDoc,
    "\n  query ToolsMe {\n    me {\n      person {\n        id\n        name\n        colour\n      }\n    }\n  }\n": typeof types.ToolsMeDocument,
    "\n  mutation ToolsApplyPattern($input: ApplyPatternInput!) {\n    applyPattern(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": typeof types.ToolsApplyPatternDocument,
    "\n  mutation ToolsCopyDay($input: CopyDayInput!) {\n    copyDay(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": typeof types.ToolsCopyDayDocument,
    "\n  mutation ToolsCopyWeek($input: CopyWeekInput!) {\n    copyWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": typeof types.ToolsCopyWeekDocument,
    "\n  mutation ToolsRepeatWeek($input: RepeatWeekInput!) {\n    repeatWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": typeof types.ToolsRepeatWeekDocument,
    "\n  mutation ToolsCopyToHotline($input: CopyToHotlineInput!) {\n    copyToHotline(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": typeof types.ToolsCopyToHotlineDocument,
    "\n  query ToolsDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": typeof types.ToolsDirectoryDocument,
    "\n  query ToolsPatterns {\n    presetPatterns {\n      id\n      name\n      builtIn\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n        }\n      }\n    }\n  }\n": typeof types.ToolsPatternsDocument,
    "\n  query ToolsHotlines {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.ToolsHotlinesDocument,
    "\n  query ToolsSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        ...ToolSlot\n      }\n    }\n  }\n": typeof types.ToolsScheduleDocument,
    "\n  fragment ToolOverride on Override {\n    id\n    start\n    end\n    level\n    reason\n    createdAt\n    assignees {\n      ...ToolAssignee\n    }\n  }\n": typeof types.ToolOverrideFragmentDoc,
    "\n  query ToolsOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      ...ToolOverride\n    }\n  }\n": typeof types.ToolsOverridesDocument,
    "\n  mutation ToolsCreateOverride($input: CreateOverrideInput!) {\n    createOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n": typeof types.ToolsCreateOverrideDocument,
    "\n  mutation ToolsEndOverride($input: EndOverrideInput!) {\n    endOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n": typeof types.ToolsEndOverrideDocument,
    "\n  query ToolsOnCallNow($hotlineId: ID!) {\n    onCallNow(hotlineId: $hotlineId) {\n      at\n      nextChangeAt\n      overrideIds\n      slotId\n      levels {\n        ...ToolAssignee\n      }\n    }\n  }\n": typeof types.ToolsOnCallNowDocument,
    "\n  query ToolsCallPlan($hotlineId: ID!, $at: Instant) {\n    callPlan(hotlineId: $hotlineId, at: $at) {\n      at\n      overrideIds\n      slotId\n      requireAnswerConfirmation\n      greeting {\n        text\n        audioUrl\n      }\n      steps {\n        kind\n        via\n        level\n        group\n        number\n        label\n        ringTimeoutSeconds\n        personId\n        personName\n        teamId\n        greeting {\n          text\n          audioUrl\n        }\n        message {\n          text\n          audioUrl\n        }\n      }\n    }\n  }\n": typeof types.ToolsCallPlanDocument,
};
const documents: Documents = {
    "\n  query FirstHotline {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.FirstHotlineDocument,
    "\n  query Me {\n    me {\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n        email\n        emailVerified\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query AccountZone {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n": types.AccountZoneDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query AccountUsers($after: String) {\n    users(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          role\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AccountUsersDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      name\n      email\n      role\n      createdAt\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditLog($after: String, $first: Int) {\n    auditLog(after: $after, first: $first) {\n      edges {\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          actor {\n            kind\n            id\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n": types.SendEmailVerificationDocument,
    "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n": types.InvitationFieldsFragmentDoc,
    "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      accountName\n      email\n      role\n      expiresAt\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      emailSent\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation Login($email: String!, $password: String!, $accountId: ID) {\n    login(email: $email, password: $password, accountId: $accountId) {\n      token\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  query Directory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          email\n          maxSimultaneousCalls\n          contactNumbers {\n            number\n            label\n            enabled\n            ringTimeoutSeconds\n            lineType\n            country\n          }\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          memberIds\n          members {\n            id\n            name\n            colour\n          }\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DirectoryDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation DeletePerson($id: ID!) {\n    deletePerson(id: $id) {\n      id\n    }\n  }\n": types.DeletePersonDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id) {\n      id\n    }\n  }\n": types.DeleteTeamDocument,
    "\n  query HotlineList {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          number\n          timeZone\n          language\n        }\n      }\n    }\n  }\n": types.HotlineListDocument,
    "\n  fragment HotlineSettingsFields on Hotline {\n    id\n    name\n    number\n    timeZone\n    language\n    callerIdMode\n    requireAnswerConfirmation\n    levelStrategies\n    greeting {\n      kind\n      text\n      language\n      audioUrl\n    }\n    supervisors {\n      id\n      name\n      colour\n    }\n    scenario {\n      kind\n      greeting {\n        kind\n        text\n        language\n        audioUrl\n      }\n      message {\n        kind\n        text\n        language\n        audioUrl\n      }\n    }\n    serviceHours {\n      always\n      windows {\n        days\n        start\n        end\n      }\n    }\n  }\n": types.HotlineSettingsFieldsFragmentDoc,
    "\n  query HotlineSettings($id: ID!) {\n    hotline(id: $id) {\n      ...HotlineSettingsFields\n    }\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": types.HotlineSettingsDocument,
    "\n  mutation CreateHotline($input: CreateHotlineInput!) {\n    createHotline(input: $input) {\n      id\n      name\n      number\n      timeZone\n      language\n    }\n  }\n": types.CreateHotlineDocument,
    "\n  mutation UpdateHotline($input: UpdateHotlineInput!) {\n    updateHotline(input: $input) {\n      ...HotlineSettingsFields\n    }\n  }\n": types.UpdateHotlineDocument,
    "\n  mutation DeleteHotline($id: ID!) {\n    deleteHotline(id: $id) {\n      id\n    }\n  }\n": types.DeleteHotlineDocument,
    "\n  fragment ShiftAlertSettingsFields on ShiftAlertSettings {\n    hotlineId\n    enabled\n    minutesBefore\n    channels\n    acknowledge {\n      withinMinutes\n    }\n  }\n": types.ShiftAlertSettingsFieldsFragmentDoc,
    "\n  query ShiftAlertSettings($hotlineId: ID!) {\n    shiftAlertSettings(hotlineId: $hotlineId) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n": types.ShiftAlertSettingsDocument,
    "\n  mutation UpdateShiftAlertSettings($input: UpdateShiftAlertSettingsInput!) {\n    updateShiftAlertSettings(input: $input) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n": types.UpdateShiftAlertSettingsDocument,
    "\n  query ShiftAlerts($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      personId\n      level\n      dutyStart\n      dutyEnd\n      sentAt\n      sentBy\n      acknowledgeBy\n      acknowledgedAt\n      supervisorsToldAt\n    }\n  }\n": types.ShiftAlertsDocument,
    "\n  fragment CallEntryFields on CallEntry {\n    hotlineId\n    extraNumbers\n    rules {\n      dialled\n      hours {\n        days\n        start\n        end\n      }\n      target {\n        kind\n        hotlineId\n      }\n    }\n    front {\n      kind\n      prompt {\n        kind\n        text\n        language\n        audioUrl\n      }\n      choices {\n        key\n        label\n        target {\n          kind\n          hotlineId\n        }\n      }\n      matches {\n        prefix\n        from\n        to\n        target {\n          kind\n          hotlineId\n        }\n      }\n      maxDigits\n      timeoutSeconds\n      defaultTarget {\n        kind\n        hotlineId\n      }\n    }\n  }\n": types.CallEntryFieldsFragmentDoc,
    "\n  query CallEntry($hotlineId: ID!) {\n    callEntry(hotlineId: $hotlineId) {\n      ...CallEntryFields\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CallEntryDocument,
    "\n  mutation UpdateCallEntry($input: UpdateCallEntryInput!) {\n    updateCallEntry(input: $input) {\n      ...CallEntryFields\n    }\n  }\n": types.UpdateCallEntryDocument,
    "\n  query BoardHotline($id: ID!) {\n    hotline(id: $id) {\n      id\n      name\n      timeZone\n      serviceHours {\n        always\n        windows {\n          days\n          start\n          end\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": types.BoardHotlineDocument,
    "\n  query BoardSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        id\n        start\n        end\n        startsAt\n        endsAt\n        durationMinutes\n        assignees {\n          id\n          kind\n          level\n          person {\n            id\n            name\n            colour\n          }\n          team {\n            id\n            name\n            colour\n            members {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BoardScheduleDocument,
    "\n  query BoardOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      start\n      end\n      level\n      reason\n      assignees {\n        id\n        kind\n        level\n        person {\n          id\n          name\n          colour\n        }\n        team {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": types.BoardOverridesDocument,
    "\n  query BoardCoverage($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    coverage(hotlineId: $hotlineId, from: $from, to: $to) {\n      coveredFraction\n      alwaysInService\n      gaps {\n        key\n        start\n        end\n        localStart\n        localEnd\n        reason\n      }\n    }\n  }\n": types.BoardCoverageDocument,
    "\n  query BoardCoverageBadge($hotlineId: ID!, $now: Instant!, $in7: Instant!, $in30: Instant!) {\n    week: coverage(hotlineId: $hotlineId, from: $now, to: $in7) {\n      coveredFraction\n    }\n    month: coverage(hotlineId: $hotlineId, from: $now, to: $in30) {\n      coveredFraction\n    }\n  }\n": types.BoardCoverageBadgeDocument,
    "\n  query BoardDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          members {\n            id\n            name\n          }\n        }\n      }\n    }\n    presetPatterns {\n      id\n      name\n      windows {\n        days\n        start\n        end\n        endDayOffset\n      }\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          windows {\n            days\n            start\n            end\n            endDayOffset\n          }\n        }\n      }\n    }\n  }\n": types.BoardDirectoryDocument,
    "\n  mutation BoardCreateSlots($input: CreateSlotsInput!) {\n    createSlots(input: $input) {\n      version\n      added {\n        id\n      }\n    }\n  }\n": types.BoardCreateSlotsDocument,
    "\n  mutation BoardMoveSlot($input: MoveSlotInput!) {\n    moveSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": types.BoardMoveSlotDocument,
    "\n  mutation BoardResizeSlot($input: ResizeSlotInput!) {\n    resizeSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": types.BoardResizeSlotDocument,
    "\n  mutation BoardReassignSlot($input: ReassignSlotInput!) {\n    reassignSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n": types.BoardReassignSlotDocument,
    "\n  mutation BoardDeleteSlots($input: DeleteSlotsInput!) {\n    deleteSlots(input: $input) {\n      version\n      removedIds\n    }\n  }\n": types.BoardDeleteSlotsDocument,
    "\n  fragment ToolAssignee on Assignee {\n    id\n    kind\n    level\n    person {\n      id\n      name\n      colour\n    }\n    team {\n      id\n      name\n      colour\n    }\n  }\n": types.ToolAssigneeFragmentDoc,
    "\n  fragment ToolSlot on Slot {\n    id\n    start\n    end\n    startsAt\n    endsAt\n    durationMinutes\n    assignees {\n      ...ToolAssignee\n    }\n  }\n": types.ToolSlotFragmentDoc,
    "\n  fragment ToolScheduleChange on ScheduleChange {\n    version\n    added {\n      ...ToolSlot\n    }\n    updated {\n      ...ToolSlot\n    }\n    removed {\n      ...ToolSlot\n    }\n    removedIds\n  }\n": types.ToolScheduleChangeFragmentDoc,
    "\n  query ToolsMe {\n    me {\n      person {\n        id\n        name\n        colour\n      }\n    }\n  }\n": types.ToolsMeDocument,
    "\n  mutation ToolsApplyPattern($input: ApplyPatternInput!) {\n    applyPattern(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": types.ToolsApplyPatternDocument,
    "\n  mutation ToolsCopyDay($input: CopyDayInput!) {\n    copyDay(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": types.ToolsCopyDayDocument,
    "\n  mutation ToolsCopyWeek($input: CopyWeekInput!) {\n    copyWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": types.ToolsCopyWeekDocument,
    "\n  mutation ToolsRepeatWeek($input: RepeatWeekInput!) {\n    repeatWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": types.ToolsRepeatWeekDocument,
    "\n  mutation ToolsCopyToHotline($input: CopyToHotlineInput!) {\n    copyToHotline(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n": types.ToolsCopyToHotlineDocument,
    "\n  query ToolsDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n": types.ToolsDirectoryDocument,
    "\n  query ToolsPatterns {\n    presetPatterns {\n      id\n      name\n      builtIn\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n        }\n      }\n    }\n  }\n": types.ToolsPatternsDocument,
    "\n  query ToolsHotlines {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n": types.ToolsHotlinesDocument,
    "\n  query ToolsSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        ...ToolSlot\n      }\n    }\n  }\n": types.ToolsScheduleDocument,
    "\n  fragment ToolOverride on Override {\n    id\n    start\n    end\n    level\n    reason\n    createdAt\n    assignees {\n      ...ToolAssignee\n    }\n  }\n": types.ToolOverrideFragmentDoc,
    "\n  query ToolsOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      ...ToolOverride\n    }\n  }\n": types.ToolsOverridesDocument,
    "\n  mutation ToolsCreateOverride($input: CreateOverrideInput!) {\n    createOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n": types.ToolsCreateOverrideDocument,
    "\n  mutation ToolsEndOverride($input: EndOverrideInput!) {\n    endOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n": types.ToolsEndOverrideDocument,
    "\n  query ToolsOnCallNow($hotlineId: ID!) {\n    onCallNow(hotlineId: $hotlineId) {\n      at\n      nextChangeAt\n      overrideIds\n      slotId\n      levels {\n        ...ToolAssignee\n      }\n    }\n  }\n": types.ToolsOnCallNowDocument,
    "\n  query ToolsCallPlan($hotlineId: ID!, $at: Instant) {\n    callPlan(hotlineId: $hotlineId, at: $at) {\n      at\n      overrideIds\n      slotId\n      requireAnswerConfirmation\n      greeting {\n        text\n        audioUrl\n      }\n      steps {\n        kind\n        via\n        level\n        group\n        number\n        label\n        ringTimeoutSeconds\n        personId\n        personName\n        teamId\n        greeting {\n          text\n          audioUrl\n        }\n        message {\n          text\n          audioUrl\n        }\n      }\n    }\n  }\n": types.ToolsCallPlanDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstHotline {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FirstHotline {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n        email\n        emailVerified\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      role\n      account {\n        id\n        name\n      }\n      user {\n        id\n        name\n        email\n        emailVerified\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountZone {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountZone {\n    hotlines(first: 1) {\n      edges {\n        node {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountUsers($after: String) {\n    users(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          role\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountUsers($after: String) {\n    users(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          email\n          role\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      name\n      email\n      role\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      id\n      name\n      email\n      role\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        ...ApiKeyFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($after: String, $first: Int) {\n    auditLog(after: $after, first: $first) {\n      edges {\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          actor {\n            kind\n            id\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($after: String, $first: Int) {\n    auditLog(after: $after, first: $first) {\n      edges {\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          actor {\n            kind\n            id\n          }\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n"): (typeof documents)["\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationFields on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationFields on Invitation {\n    id\n    email\n    name\n    role\n    createdAt\n    expiresAt\n    invitedBy {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  query Invitations {\n    invitations {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      ...InvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      accountName\n      email\n      role\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      accountName\n      email\n      role\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      emailSent\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      emailSent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $accountId: ID) {\n    login(email: $email, password: $password, accountId: $accountId) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!, $accountId: ID) {\n    login(email: $email, password: $password, accountId: $accountId) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          email\n          maxSimultaneousCalls\n          contactNumbers {\n            number\n            label\n            enabled\n            ringTimeoutSeconds\n            lineType\n            country\n          }\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          memberIds\n          members {\n            id\n            name\n            colour\n          }\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Directory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          email\n          maxSimultaneousCalls\n          contactNumbers {\n            number\n            label\n            enabled\n            ringTimeoutSeconds\n            lineType\n            country\n          }\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          memberIds\n          members {\n            id\n            name\n            colour\n          }\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($input: UpdatePersonInput!) {\n    updatePerson(input: $input) {\n      id\n      name\n      colour\n      email\n      maxSimultaneousCalls\n      contactNumbers {\n        number\n        label\n        enabled\n        ringTimeoutSeconds\n        lineType\n        country\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePerson($id: ID!) {\n    deletePerson(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePerson($id: ID!) {\n    deletePerson(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      id\n      name\n      colour\n      memberIds\n      members {\n        id\n        name\n        colour\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTeam($id: ID!) {\n    deleteTeam(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HotlineList {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          number\n          timeZone\n          language\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HotlineList {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          number\n          timeZone\n          language\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HotlineSettingsFields on Hotline {\n    id\n    name\n    number\n    timeZone\n    language\n    callerIdMode\n    requireAnswerConfirmation\n    levelStrategies\n    greeting {\n      kind\n      text\n      language\n      audioUrl\n    }\n    supervisors {\n      id\n      name\n      colour\n    }\n    scenario {\n      kind\n      greeting {\n        kind\n        text\n        language\n        audioUrl\n      }\n      message {\n        kind\n        text\n        language\n        audioUrl\n      }\n    }\n    serviceHours {\n      always\n      windows {\n        days\n        start\n        end\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment HotlineSettingsFields on Hotline {\n    id\n    name\n    number\n    timeZone\n    language\n    callerIdMode\n    requireAnswerConfirmation\n    levelStrategies\n    greeting {\n      kind\n      text\n      language\n      audioUrl\n    }\n    supervisors {\n      id\n      name\n      colour\n    }\n    scenario {\n      kind\n      greeting {\n        kind\n        text\n        language\n        audioUrl\n      }\n      message {\n        kind\n        text\n        language\n        audioUrl\n      }\n    }\n    serviceHours {\n      always\n      windows {\n        days\n        start\n        end\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HotlineSettings($id: ID!) {\n    hotline(id: $id) {\n      ...HotlineSettingsFields\n    }\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HotlineSettings($id: ID!) {\n    hotline(id: $id) {\n      ...HotlineSettingsFields\n    }\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHotline($input: CreateHotlineInput!) {\n    createHotline(input: $input) {\n      id\n      name\n      number\n      timeZone\n      language\n    }\n  }\n"): (typeof documents)["\n  mutation CreateHotline($input: CreateHotlineInput!) {\n    createHotline(input: $input) {\n      id\n      name\n      number\n      timeZone\n      language\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHotline($input: UpdateHotlineInput!) {\n    updateHotline(input: $input) {\n      ...HotlineSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateHotline($input: UpdateHotlineInput!) {\n    updateHotline(input: $input) {\n      ...HotlineSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteHotline($id: ID!) {\n    deleteHotline(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteHotline($id: ID!) {\n    deleteHotline(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShiftAlertSettingsFields on ShiftAlertSettings {\n    hotlineId\n    enabled\n    minutesBefore\n    channels\n    acknowledge {\n      withinMinutes\n    }\n  }\n"): (typeof documents)["\n  fragment ShiftAlertSettingsFields on ShiftAlertSettings {\n    hotlineId\n    enabled\n    minutesBefore\n    channels\n    acknowledge {\n      withinMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShiftAlertSettings($hotlineId: ID!) {\n    shiftAlertSettings(hotlineId: $hotlineId) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query ShiftAlertSettings($hotlineId: ID!) {\n    shiftAlertSettings(hotlineId: $hotlineId) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateShiftAlertSettings($input: UpdateShiftAlertSettingsInput!) {\n    updateShiftAlertSettings(input: $input) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateShiftAlertSettings($input: UpdateShiftAlertSettingsInput!) {\n    updateShiftAlertSettings(input: $input) {\n      ...ShiftAlertSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShiftAlerts($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      personId\n      level\n      dutyStart\n      dutyEnd\n      sentAt\n      sentBy\n      acknowledgeBy\n      acknowledgedAt\n      supervisorsToldAt\n    }\n  }\n"): (typeof documents)["\n  query ShiftAlerts($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    shiftAlerts(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      personId\n      level\n      dutyStart\n      dutyEnd\n      sentAt\n      sentBy\n      acknowledgeBy\n      acknowledgedAt\n      supervisorsToldAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallEntryFields on CallEntry {\n    hotlineId\n    extraNumbers\n    rules {\n      dialled\n      hours {\n        days\n        start\n        end\n      }\n      target {\n        kind\n        hotlineId\n      }\n    }\n    front {\n      kind\n      prompt {\n        kind\n        text\n        language\n        audioUrl\n      }\n      choices {\n        key\n        label\n        target {\n          kind\n          hotlineId\n        }\n      }\n      matches {\n        prefix\n        from\n        to\n        target {\n          kind\n          hotlineId\n        }\n      }\n      maxDigits\n      timeoutSeconds\n      defaultTarget {\n        kind\n        hotlineId\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CallEntryFields on CallEntry {\n    hotlineId\n    extraNumbers\n    rules {\n      dialled\n      hours {\n        days\n        start\n        end\n      }\n      target {\n        kind\n        hotlineId\n      }\n    }\n    front {\n      kind\n      prompt {\n        kind\n        text\n        language\n        audioUrl\n      }\n      choices {\n        key\n        label\n        target {\n          kind\n          hotlineId\n        }\n      }\n      matches {\n        prefix\n        from\n        to\n        target {\n          kind\n          hotlineId\n        }\n      }\n      maxDigits\n      timeoutSeconds\n      defaultTarget {\n        kind\n        hotlineId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallEntry($hotlineId: ID!) {\n    callEntry(hotlineId: $hotlineId) {\n      ...CallEntryFields\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallEntry($hotlineId: ID!) {\n    callEntry(hotlineId: $hotlineId) {\n      ...CallEntryFields\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCallEntry($input: UpdateCallEntryInput!) {\n    updateCallEntry(input: $input) {\n      ...CallEntryFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCallEntry($input: UpdateCallEntryInput!) {\n    updateCallEntry(input: $input) {\n      ...CallEntryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardHotline($id: ID!) {\n    hotline(id: $id) {\n      id\n      name\n      timeZone\n      serviceHours {\n        always\n        windows {\n          days\n          start\n          end\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardHotline($id: ID!) {\n    hotline(id: $id) {\n      id\n      name\n      timeZone\n      serviceHours {\n        always\n        windows {\n          days\n          start\n          end\n        }\n      }\n    }\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        id\n        start\n        end\n        startsAt\n        endsAt\n        durationMinutes\n        assignees {\n          id\n          kind\n          level\n          person {\n            id\n            name\n            colour\n          }\n          team {\n            id\n            name\n            colour\n            members {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        id\n        start\n        end\n        startsAt\n        endsAt\n        durationMinutes\n        assignees {\n          id\n          kind\n          level\n          person {\n            id\n            name\n            colour\n          }\n          team {\n            id\n            name\n            colour\n            members {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      start\n      end\n      level\n      reason\n      assignees {\n        id\n        kind\n        level\n        person {\n          id\n          name\n          colour\n        }\n        team {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      id\n      start\n      end\n      level\n      reason\n      assignees {\n        id\n        kind\n        level\n        person {\n          id\n          name\n          colour\n        }\n        team {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardCoverage($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    coverage(hotlineId: $hotlineId, from: $from, to: $to) {\n      coveredFraction\n      alwaysInService\n      gaps {\n        key\n        start\n        end\n        localStart\n        localEnd\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardCoverage($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    coverage(hotlineId: $hotlineId, from: $from, to: $to) {\n      coveredFraction\n      alwaysInService\n      gaps {\n        key\n        start\n        end\n        localStart\n        localEnd\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardCoverageBadge($hotlineId: ID!, $now: Instant!, $in7: Instant!, $in30: Instant!) {\n    week: coverage(hotlineId: $hotlineId, from: $now, to: $in7) {\n      coveredFraction\n    }\n    month: coverage(hotlineId: $hotlineId, from: $now, to: $in30) {\n      coveredFraction\n    }\n  }\n"): (typeof documents)["\n  query BoardCoverageBadge($hotlineId: ID!, $now: Instant!, $in7: Instant!, $in30: Instant!) {\n    week: coverage(hotlineId: $hotlineId, from: $now, to: $in7) {\n      coveredFraction\n    }\n    month: coverage(hotlineId: $hotlineId, from: $now, to: $in30) {\n      coveredFraction\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          members {\n            id\n            name\n          }\n        }\n      }\n    }\n    presetPatterns {\n      id\n      name\n      windows {\n        days\n        start\n        end\n        endDayOffset\n      }\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          windows {\n            days\n            start\n            end\n            endDayOffset\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n          members {\n            id\n            name\n          }\n        }\n      }\n    }\n    presetPatterns {\n      id\n      name\n      windows {\n        days\n        start\n        end\n        endDayOffset\n      }\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          windows {\n            days\n            start\n            end\n            endDayOffset\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardCreateSlots($input: CreateSlotsInput!) {\n    createSlots(input: $input) {\n      version\n      added {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardCreateSlots($input: CreateSlotsInput!) {\n    createSlots(input: $input) {\n      version\n      added {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardMoveSlot($input: MoveSlotInput!) {\n    moveSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardMoveSlot($input: MoveSlotInput!) {\n    moveSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardResizeSlot($input: ResizeSlotInput!) {\n    resizeSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardResizeSlot($input: ResizeSlotInput!) {\n    resizeSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardReassignSlot($input: ReassignSlotInput!) {\n    reassignSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardReassignSlot($input: ReassignSlotInput!) {\n    reassignSlot(input: $input) {\n      version\n      updated {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardDeleteSlots($input: DeleteSlotsInput!) {\n    deleteSlots(input: $input) {\n      version\n      removedIds\n    }\n  }\n"): (typeof documents)["\n  mutation BoardDeleteSlots($input: DeleteSlotsInput!) {\n    deleteSlots(input: $input) {\n      version\n      removedIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ToolAssignee on Assignee {\n    id\n    kind\n    level\n    person {\n      id\n      name\n      colour\n    }\n    team {\n      id\n      name\n      colour\n    }\n  }\n"): (typeof documents)["\n  fragment ToolAssignee on Assignee {\n    id\n    kind\n    level\n    person {\n      id\n      name\n      colour\n    }\n    team {\n      id\n      name\n      colour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ToolSlot on Slot {\n    id\n    start\n    end\n    startsAt\n    endsAt\n    durationMinutes\n    assignees {\n      ...ToolAssignee\n    }\n  }\n"): (typeof documents)["\n  fragment ToolSlot on Slot {\n    id\n    start\n    end\n    startsAt\n    endsAt\n    durationMinutes\n    assignees {\n      ...ToolAssignee\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ToolScheduleChange on ScheduleChange {\n    version\n    added {\n      ...ToolSlot\n    }\n    updated {\n      ...ToolSlot\n    }\n    removed {\n      ...ToolSlot\n    }\n    removedIds\n  }\n"): (typeof documents)["\n  fragment ToolScheduleChange on ScheduleChange {\n    version\n    added {\n      ...ToolSlot\n    }\n    updated {\n      ...ToolSlot\n    }\n    removed {\n      ...ToolSlot\n    }\n    removedIds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsMe {\n    me {\n      person {\n        id\n        name\n        colour\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsMe {\n    me {\n      person {\n        id\n        name\n        colour\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsApplyPattern($input: ApplyPatternInput!) {\n    applyPattern(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsApplyPattern($input: ApplyPatternInput!) {\n    applyPattern(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsCopyDay($input: CopyDayInput!) {\n    copyDay(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsCopyDay($input: CopyDayInput!) {\n    copyDay(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsCopyWeek($input: CopyWeekInput!) {\n    copyWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsCopyWeek($input: CopyWeekInput!) {\n    copyWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsRepeatWeek($input: RepeatWeekInput!) {\n    repeatWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsRepeatWeek($input: RepeatWeekInput!) {\n    repeatWeek(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsCopyToHotline($input: CopyToHotlineInput!) {\n    copyToHotline(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsCopyToHotline($input: CopyToHotlineInput!) {\n    copyToHotline(input: $input) {\n      ...ToolScheduleChange\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsDirectory {\n    people(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n    teams(first: 100) {\n      edges {\n        node {\n          id\n          name\n          colour\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsPatterns {\n    presetPatterns {\n      id\n      name\n      builtIn\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsPatterns {\n    presetPatterns {\n      id\n      name\n      builtIn\n    }\n    patterns(first: 100) {\n      edges {\n        node {\n          id\n          name\n          builtIn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsHotlines {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsHotlines {\n    hotlines(first: 100) {\n      edges {\n        node {\n          id\n          name\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        ...ToolSlot\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsSchedule($hotlineId: ID!, $from: String!, $to: String!) {\n    schedule(hotlineId: $hotlineId, from: $from, to: $to) {\n      version\n      slots {\n        ...ToolSlot\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ToolOverride on Override {\n    id\n    start\n    end\n    level\n    reason\n    createdAt\n    assignees {\n      ...ToolAssignee\n    }\n  }\n"): (typeof documents)["\n  fragment ToolOverride on Override {\n    id\n    start\n    end\n    level\n    reason\n    createdAt\n    assignees {\n      ...ToolAssignee\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      ...ToolOverride\n    }\n  }\n"): (typeof documents)["\n  query ToolsOverrides($hotlineId: ID!, $from: Instant!, $to: Instant!) {\n    overrides(hotlineId: $hotlineId, from: $from, to: $to) {\n      ...ToolOverride\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsCreateOverride($input: CreateOverrideInput!) {\n    createOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsCreateOverride($input: CreateOverrideInput!) {\n    createOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToolsEndOverride($input: EndOverrideInput!) {\n    endOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToolsEndOverride($input: EndOverrideInput!) {\n    endOverride(input: $input) {\n      hotline {\n        id\n      }\n      override {\n        ...ToolOverride\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsOnCallNow($hotlineId: ID!) {\n    onCallNow(hotlineId: $hotlineId) {\n      at\n      nextChangeAt\n      overrideIds\n      slotId\n      levels {\n        ...ToolAssignee\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsOnCallNow($hotlineId: ID!) {\n    onCallNow(hotlineId: $hotlineId) {\n      at\n      nextChangeAt\n      overrideIds\n      slotId\n      levels {\n        ...ToolAssignee\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ToolsCallPlan($hotlineId: ID!, $at: Instant) {\n    callPlan(hotlineId: $hotlineId, at: $at) {\n      at\n      overrideIds\n      slotId\n      requireAnswerConfirmation\n      greeting {\n        text\n        audioUrl\n      }\n      steps {\n        kind\n        via\n        level\n        group\n        number\n        label\n        ringTimeoutSeconds\n        personId\n        personName\n        teamId\n        greeting {\n          text\n          audioUrl\n        }\n        message {\n          text\n          audioUrl\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ToolsCallPlan($hotlineId: ID!, $at: Instant) {\n    callPlan(hotlineId: $hotlineId, at: $at) {\n      at\n      overrideIds\n      slotId\n      requireAnswerConfirmation\n      greeting {\n        text\n        audioUrl\n      }\n      steps {\n        kind\n        via\n        level\n        group\n        number\n        label\n        ringTimeoutSeconds\n        personId\n        personName\n        teamId\n        greeting {\n          text\n          audioUrl\n        }\n        message {\n          text\n          audioUrl\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;