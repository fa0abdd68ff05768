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
    "\n  query Capabilities {\n    me {\n      userId\n      capabilities\n    }\n  }\n": typeof types.CapabilitiesDocument,
    "\n  subscription InboxCounts {\n    inboxCounts {\n      needsAction\n      received\n      sent\n      drafts\n    }\n  }\n": typeof types.InboxCountsDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationRow\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query LivePoll($counts: Boolean!, $notifications: Boolean!) {\n    referrals(box: NEEDS_ACTION, first: 1) @include(if: $counts) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount @include(if: $notifications)\n  }\n": typeof types.LivePollDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          actorUserId\n          actorAgencyId\n          action\n          subjectType\n          subjectId\n          fields\n          purpose\n          decision\n          reason\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n": typeof types.AuditEventsCsvDocument,
    "\n  query VerifyAuditTrail($anchor: AuditAnchorInput) {\n    verifyAuditTrail(anchor: $anchor) {\n      ok\n      problem {\n        code\n        eventId\n        seal\n        count\n      }\n      sealsChecked\n      eventsChecked\n      unsealedEvents\n      anchor {\n        seq\n        hash\n      }\n    }\n  }\n": typeof types.VerifyAuditTrailDocument,
    "\n  mutation OpenBreakGlass($input: OpenBreakGlassInput!) {\n    openBreakGlass(input: $input) {\n      session {\n        id\n        expiresAt\n      }\n    }\n  }\n": typeof types.OpenBreakGlassDocument,
    "\n  query BreakGlassSessions($first: Int, $after: String) {\n    breakGlassSessions(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          survivorId\n          ownerAgencyId\n          agencyId\n          openedBy\n          reason\n          openedAt\n          expiresAt\n          endedAt\n          endedReason\n          endedNote\n          reviewedAt\n          reviewFinding\n          reviewNote\n          availableActions\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.BreakGlassSessionsDocument,
    "\n  mutation EndBreakGlass($input: EndBreakGlassInput!) {\n    endBreakGlass(input: $input) {\n      session {\n        id\n        endedAt\n      }\n    }\n  }\n": typeof types.EndBreakGlassDocument,
    "\n  mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {\n    reviewBreakGlass(input: $input) {\n      session {\n        id\n        reviewedAt\n      }\n    }\n  }\n": typeof types.ReviewBreakGlassDocument,
    "\n  query ChildSafetySurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n      availableActions\n    }\n  }\n": typeof types.ChildSafetySurvivorDocument,
    "\n  mutation CreateChildSafetyReferral($input: CreateChildSafetyReferralInput!) {\n    createChildSafetyReferral(input: $input) {\n      referral {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CreateChildSafetyReferralDocument,
    "\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": typeof types.ConsentAgenciesDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RecordConsentDocument,
    "\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n": typeof types.ConsentSurvivorDocument,
    "\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.HomeDocument,
    "\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n": typeof types.ReferralDirectoryDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.CreateReferralDocument,
    "\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": typeof types.NewReferralMeDocument,
    "\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n": typeof types.ReferralConsentsDocument,
    "\n  query NotificationPreference {\n    notificationPreference {\n      delivery\n      email\n      updatedAt\n    }\n    me {\n      userId\n      email\n    }\n  }\n": typeof types.NotificationPreferenceDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        delivery\n        email\n        updatedAt\n      }\n    }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  fragment NotificationRow on Notification {\n    id\n    eventType\n    subjectType\n    subjectId\n    message\n    createdAt\n    read\n  }\n": typeof types.NotificationRowFragmentDoc,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          ...NotificationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.NotificationsDocument,
    "\n  query Notification($id: ID!) {\n    notification(id: $id) {\n      ...NotificationRow\n    }\n  }\n": typeof types.NotificationDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation SendReferral($input: ReferralTransitionInput!) {\n    sendReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.SendReferralDocument,
    "\n  mutation AcknowledgeReferral($input: ReferralTransitionInput!) {\n    acknowledgeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.AcknowledgeReferralDocument,
    "\n  mutation AcceptReferral($input: ReferralTransitionInput!) {\n    acceptReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation StartReferral($input: ReferralTransitionInput!) {\n    startReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.StartReferralDocument,
    "\n  mutation HoldReferral($input: ReferralTransitionInput!) {\n    holdReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.HoldReferralDocument,
    "\n  mutation WithdrawReferral($input: ReferralTransitionInput!) {\n    withdrawReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.WithdrawReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.CompleteReferralDocument,
    "\n  mutation FailReferral($input: FailReferralInput!) {\n    failReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.FailReferralDocument,
    "\n  mutation AddReferralMessage($input: AddReferralMessageInput!) {\n    addReferralMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n": typeof types.AddReferralMessageDocument,
    "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      survivorActions\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n": typeof types.ReferralDetailDocument,
    "\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n": typeof types.SurvivorRecordFragmentDoc,
    "\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": typeof types.SurvivorForEditDocument,
    "\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n": typeof types.CreateSurvivorDocument,
    "\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n": typeof types.UpdateSurvivorDocument,
    "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n      availableActions\n    }\n  }\n": typeof types.SurvivorDetailDocument,
    "\n  query SurvivorConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      ownerAgencyId\n      recipientAgencyIds\n      purposes\n      dataClasses\n      validFrom\n      validUntil\n      obtainedHow\n      language\n      interpreterUsed\n      interpreterName\n      documentReference\n      recordedAt\n      grantor {\n        type\n        name\n        relationship\n      }\n      revocation {\n        channel\n        reason\n        revokedAt\n        revokedByAgencyId\n      }\n    }\n  }\n": typeof types.SurvivorConsentsDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  query Survivors($reference: String, $first: Int, $after: String) {\n    survivors(reference: $reference, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          ageBand\n          minor\n          createdAt\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SurvivorsDocument,
};
const documents: Documents = {
    "\n  query Capabilities {\n    me {\n      userId\n      capabilities\n    }\n  }\n": types.CapabilitiesDocument,
    "\n  subscription InboxCounts {\n    inboxCounts {\n      needsAction\n      received\n      sent\n      drafts\n    }\n  }\n": types.InboxCountsDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationRow\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query LivePoll($counts: Boolean!, $notifications: Boolean!) {\n    referrals(box: NEEDS_ACTION, first: 1) @include(if: $counts) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount @include(if: $notifications)\n  }\n": types.LivePollDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          actorUserId\n          actorAgencyId\n          action\n          subjectType\n          subjectId\n          fields\n          purpose\n          decision\n          reason\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n": types.AuditEventsCsvDocument,
    "\n  query VerifyAuditTrail($anchor: AuditAnchorInput) {\n    verifyAuditTrail(anchor: $anchor) {\n      ok\n      problem {\n        code\n        eventId\n        seal\n        count\n      }\n      sealsChecked\n      eventsChecked\n      unsealedEvents\n      anchor {\n        seq\n        hash\n      }\n    }\n  }\n": types.VerifyAuditTrailDocument,
    "\n  mutation OpenBreakGlass($input: OpenBreakGlassInput!) {\n    openBreakGlass(input: $input) {\n      session {\n        id\n        expiresAt\n      }\n    }\n  }\n": types.OpenBreakGlassDocument,
    "\n  query BreakGlassSessions($first: Int, $after: String) {\n    breakGlassSessions(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          survivorId\n          ownerAgencyId\n          agencyId\n          openedBy\n          reason\n          openedAt\n          expiresAt\n          endedAt\n          endedReason\n          endedNote\n          reviewedAt\n          reviewFinding\n          reviewNote\n          availableActions\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.BreakGlassSessionsDocument,
    "\n  mutation EndBreakGlass($input: EndBreakGlassInput!) {\n    endBreakGlass(input: $input) {\n      session {\n        id\n        endedAt\n      }\n    }\n  }\n": types.EndBreakGlassDocument,
    "\n  mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {\n    reviewBreakGlass(input: $input) {\n      session {\n        id\n        reviewedAt\n      }\n    }\n  }\n": types.ReviewBreakGlassDocument,
    "\n  query ChildSafetySurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n      availableActions\n    }\n  }\n": types.ChildSafetySurvivorDocument,
    "\n  mutation CreateChildSafetyReferral($input: CreateChildSafetyReferralInput!) {\n    createChildSafetyReferral(input: $input) {\n      referral {\n        id\n        status\n      }\n    }\n  }\n": types.CreateChildSafetyReferralDocument,
    "\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": types.ConsentAgenciesDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": types.RecordConsentDocument,
    "\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n": types.ConsentSurvivorDocument,
    "\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n": types.HomeDocument,
    "\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n": types.ReferralDirectoryDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.CreateReferralDocument,
    "\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": types.NewReferralMeDocument,
    "\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n": types.ReferralConsentsDocument,
    "\n  query NotificationPreference {\n    notificationPreference {\n      delivery\n      email\n      updatedAt\n    }\n    me {\n      userId\n      email\n    }\n  }\n": types.NotificationPreferenceDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        delivery\n        email\n        updatedAt\n      }\n    }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  fragment NotificationRow on Notification {\n    id\n    eventType\n    subjectType\n    subjectId\n    message\n    createdAt\n    read\n  }\n": types.NotificationRowFragmentDoc,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          ...NotificationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    unreadNotificationCount\n  }\n": types.NotificationsDocument,
    "\n  query Notification($id: ID!) {\n    notification(id: $id) {\n      ...NotificationRow\n    }\n  }\n": types.NotificationDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation SendReferral($input: ReferralTransitionInput!) {\n    sendReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.SendReferralDocument,
    "\n  mutation AcknowledgeReferral($input: ReferralTransitionInput!) {\n    acknowledgeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.AcknowledgeReferralDocument,
    "\n  mutation AcceptReferral($input: ReferralTransitionInput!) {\n    acceptReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation StartReferral($input: ReferralTransitionInput!) {\n    startReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.StartReferralDocument,
    "\n  mutation HoldReferral($input: ReferralTransitionInput!) {\n    holdReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.HoldReferralDocument,
    "\n  mutation WithdrawReferral($input: ReferralTransitionInput!) {\n    withdrawReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.WithdrawReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.CompleteReferralDocument,
    "\n  mutation FailReferral($input: FailReferralInput!) {\n    failReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.FailReferralDocument,
    "\n  mutation AddReferralMessage($input: AddReferralMessageInput!) {\n    addReferralMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n": types.AddReferralMessageDocument,
    "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      survivorActions\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n": types.ReferralDetailDocument,
    "\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n": types.SurvivorRecordFragmentDoc,
    "\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": types.SurvivorForEditDocument,
    "\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n": types.CreateSurvivorDocument,
    "\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n": types.UpdateSurvivorDocument,
    "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n      availableActions\n    }\n  }\n": types.SurvivorDetailDocument,
    "\n  query SurvivorConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      ownerAgencyId\n      recipientAgencyIds\n      purposes\n      dataClasses\n      validFrom\n      validUntil\n      obtainedHow\n      language\n      interpreterUsed\n      interpreterName\n      documentReference\n      recordedAt\n      grantor {\n        type\n        name\n        relationship\n      }\n      revocation {\n        channel\n        reason\n        revokedAt\n        revokedByAgencyId\n      }\n    }\n  }\n": types.SurvivorConsentsDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": types.RevokeConsentDocument,
    "\n  query Survivors($reference: String, $first: Int, $after: String) {\n    survivors(reference: $reference, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          ageBand\n          minor\n          createdAt\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.SurvivorsDocument,
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
export function graphql(source: "\n  query Capabilities {\n    me {\n      userId\n      capabilities\n    }\n  }\n"): (typeof documents)["\n  query Capabilities {\n    me {\n      userId\n      capabilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxCounts {\n    inboxCounts {\n      needsAction\n      received\n      sent\n      drafts\n    }\n  }\n"): (typeof documents)["\n  subscription InboxCounts {\n    inboxCounts {\n      needsAction\n      received\n      sent\n      drafts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationRow\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived {\n      ...NotificationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LivePoll($counts: Boolean!, $notifications: Boolean!) {\n    referrals(box: NEEDS_ACTION, first: 1) @include(if: $counts) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount @include(if: $notifications)\n  }\n"): (typeof documents)["\n  query LivePoll($counts: Boolean!, $notifications: Boolean!) {\n    referrals(box: NEEDS_ACTION, first: 1) @include(if: $counts) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount @include(if: $notifications)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          actorUserId\n          actorAgencyId\n          action\n          subjectType\n          subjectId\n          fields\n          purpose\n          decision\n          reason\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          occurredAt\n          actorUserId\n          actorAgencyId\n          action\n          subjectType\n          subjectId\n          fields\n          purpose\n          decision\n          reason\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n"): (typeof documents)["\n  query AuditEventsCsv($filter: AuditEventFilter) {\n    auditEventsCsv(filter: $filter)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditTrail($anchor: AuditAnchorInput) {\n    verifyAuditTrail(anchor: $anchor) {\n      ok\n      problem {\n        code\n        eventId\n        seal\n        count\n      }\n      sealsChecked\n      eventsChecked\n      unsealedEvents\n      anchor {\n        seq\n        hash\n      }\n    }\n  }\n"): (typeof documents)["\n  query VerifyAuditTrail($anchor: AuditAnchorInput) {\n    verifyAuditTrail(anchor: $anchor) {\n      ok\n      problem {\n        code\n        eventId\n        seal\n        count\n      }\n      sealsChecked\n      eventsChecked\n      unsealedEvents\n      anchor {\n        seq\n        hash\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenBreakGlass($input: OpenBreakGlassInput!) {\n    openBreakGlass(input: $input) {\n      session {\n        id\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenBreakGlass($input: OpenBreakGlassInput!) {\n    openBreakGlass(input: $input) {\n      session {\n        id\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakGlassSessions($first: Int, $after: String) {\n    breakGlassSessions(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          survivorId\n          ownerAgencyId\n          agencyId\n          openedBy\n          reason\n          openedAt\n          expiresAt\n          endedAt\n          endedReason\n          endedNote\n          reviewedAt\n          reviewFinding\n          reviewNote\n          availableActions\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BreakGlassSessions($first: Int, $after: String) {\n    breakGlassSessions(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          survivorId\n          ownerAgencyId\n          agencyId\n          openedBy\n          reason\n          openedAt\n          expiresAt\n          endedAt\n          endedReason\n          endedNote\n          reviewedAt\n          reviewFinding\n          reviewNote\n          availableActions\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndBreakGlass($input: EndBreakGlassInput!) {\n    endBreakGlass(input: $input) {\n      session {\n        id\n        endedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EndBreakGlass($input: EndBreakGlassInput!) {\n    endBreakGlass(input: $input) {\n      session {\n        id\n        endedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {\n    reviewBreakGlass(input: $input) {\n      session {\n        id\n        reviewedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {\n    reviewBreakGlass(input: $input) {\n      session {\n        id\n        reviewedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildSafetySurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  query ChildSafetySurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChildSafetyReferral($input: CreateChildSafetyReferralInput!) {\n    createChildSafetyReferral(input: $input) {\n      referral {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateChildSafetyReferral($input: CreateChildSafetyReferralInput!) {\n    createChildSafetyReferral(input: $input) {\n      referral {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n"): (typeof documents)["\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n"): (typeof documents)["\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreference {\n    notificationPreference {\n      delivery\n      email\n      updatedAt\n    }\n    me {\n      userId\n      email\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreference {\n    notificationPreference {\n      delivery\n      email\n      updatedAt\n    }\n    me {\n      userId\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        delivery\n        email\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        delivery\n        email\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationRow on Notification {\n    id\n    eventType\n    subjectType\n    subjectId\n    message\n    createdAt\n    read\n  }\n"): (typeof documents)["\n  fragment NotificationRow on Notification {\n    id\n    eventType\n    subjectType\n    subjectId\n    message\n    createdAt\n    read\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          ...NotificationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        node {\n          ...NotificationRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notification($id: ID!) {\n    notification(id: $id) {\n      ...NotificationRow\n    }\n  }\n"): (typeof documents)["\n  query Notification($id: ID!) {\n    notification(id: $id) {\n      ...NotificationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReferral($input: ReferralTransitionInput!) {\n    sendReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendReferral($input: ReferralTransitionInput!) {\n    sendReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeReferral($input: ReferralTransitionInput!) {\n    acknowledgeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeReferral($input: ReferralTransitionInput!) {\n    acknowledgeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($input: ReferralTransitionInput!) {\n    acceptReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($input: ReferralTransitionInput!) {\n    acceptReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReferral($input: ReferralTransitionInput!) {\n    startReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartReferral($input: ReferralTransitionInput!) {\n    startReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldReferral($input: ReferralTransitionInput!) {\n    holdReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HoldReferral($input: ReferralTransitionInput!) {\n    holdReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawReferral($input: ReferralTransitionInput!) {\n    withdrawReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawReferral($input: ReferralTransitionInput!) {\n    withdrawReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailReferral($input: FailReferralInput!) {\n    failReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FailReferral($input: FailReferralInput!) {\n    failReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReferralMessage($input: AddReferralMessageInput!) {\n    addReferralMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReferralMessage($input: AddReferralMessageInput!) {\n    addReferralMessage(input: $input) {\n      message {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      survivorActions\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      survivorActions\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n"): (typeof documents)["\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n"): (typeof documents)["\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n      availableActions\n    }\n  }\n"): (typeof documents)["\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n      availableActions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurvivorConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      ownerAgencyId\n      recipientAgencyIds\n      purposes\n      dataClasses\n      validFrom\n      validUntil\n      obtainedHow\n      language\n      interpreterUsed\n      interpreterName\n      documentReference\n      recordedAt\n      grantor {\n        type\n        name\n        relationship\n      }\n      revocation {\n        channel\n        reason\n        revokedAt\n        revokedByAgencyId\n      }\n    }\n  }\n"): (typeof documents)["\n  query SurvivorConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      ownerAgencyId\n      recipientAgencyIds\n      purposes\n      dataClasses\n      validFrom\n      validUntil\n      obtainedHow\n      language\n      interpreterUsed\n      interpreterName\n      documentReference\n      recordedAt\n      grantor {\n        type\n        name\n        relationship\n      }\n      revocation {\n        channel\n        reason\n        revokedAt\n        revokedByAgencyId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Survivors($reference: String, $first: Int, $after: String) {\n    survivors(reference: $reference, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          ageBand\n          minor\n          createdAt\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Survivors($reference: String, $first: Int, $after: String) {\n    survivors(reference: $reference, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          ageBand\n          minor\n          createdAt\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;