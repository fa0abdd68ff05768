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
    "\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": typeof types.ConsentAgenciesDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RecordConsentDocument,
    "\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n": typeof types.ConsentSurvivorDocument,
    "\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.HomeDocument,
    "\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n": typeof types.ReferralDirectoryDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": typeof types.CreateReferralDocument,
    "\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": typeof types.NewReferralMeDocument,
    "\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n": typeof types.ReferralConsentsDocument,
    "\n  query PendingAcknowledgements($first: Int, $after: String) {\n    pendingAcknowledgements(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          publishedAt\n          effectiveDate\n          protocolId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PendingAcknowledgementsDocument,
    "\n  query PendingAcknowledgementCount($first: Int) {\n    pendingAcknowledgements(first: $first) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PendingAcknowledgementCountDocument,
    "\n  mutation AcknowledgeProtocol($input: AcknowledgeProtocolInput!) {\n    acknowledgeProtocol(input: $input) {\n      acknowledgement {\n        versionId\n        agencyId\n        acknowledgedAt\n      }\n    }\n  }\n": typeof types.AcknowledgeProtocolDocument,
    "\n  mutation PublishProtocolVersion($input: PublishProtocolVersionInput!) {\n    publishProtocolVersion(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n": typeof types.PublishProtocolVersionDocument,
    "\n  mutation ArchiveProtocol($input: ArchiveProtocolInput!) {\n    archiveProtocol(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n": typeof types.ArchiveProtocolDocument,
    "\n  query ProtocolPreview($body: String!) {\n    protocolPreview(body: $body) {\n      bodyHtml\n    }\n  }\n": typeof types.ProtocolPreviewDocument,
    "\n  mutation CreateProtocol($input: CreateProtocolInput!) {\n    createProtocol(input: $input) {\n      protocol {\n        id\n      }\n    }\n  }\n": typeof types.CreateProtocolDocument,
    "\n  mutation UpdateProtocolDraft($input: UpdateProtocolDraftInput!) {\n    updateProtocolDraft(input: $input) {\n      protocol {\n        id\n        version\n      }\n    }\n  }\n": typeof types.UpdateProtocolDraftDocument,
    "\n  fragment ProtocolEdit on ProtocolVersion {\n    id\n    number\n    title\n    category\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    summaryOfChanges\n    body\n    bodyHtml\n  }\n": typeof types.ProtocolEditFragmentDoc,
    "\n  query ProtocolForEdit($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      version\n      availableActions\n      draft {\n        ...ProtocolEdit\n      }\n      currentVersion {\n        ...ProtocolEdit\n      }\n    }\n  }\n": typeof types.ProtocolForEditDocument,
    "\n  fragment ProtocolVersionFacts on ProtocolVersion {\n    id\n    number\n    title\n    state\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    dueForReview\n    summaryOfChanges\n    publishedAt\n    supersededAt\n  }\n": typeof types.ProtocolVersionFactsFragmentDoc,
    "\n  query ProtocolDetail($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      category\n      audience\n      state\n      version\n      dueForReview\n      archivedAt\n      archiveReason\n      availableActions\n      ownerAgency {\n        id\n        name\n      }\n      currentVersion {\n        ...ProtocolVersionFacts\n        bodyHtml\n        acknowledgements {\n          agencyId\n          acknowledged\n          acknowledgedAt\n          agency {\n            id\n            name\n            type\n          }\n        }\n      }\n      draft {\n        ...ProtocolVersionFacts\n        bodyHtml\n      }\n      versions {\n        ...ProtocolVersionFacts\n      }\n    }\n  }\n": typeof types.ProtocolDetailDocument,
    "\n  query ProtocolVersionTexts($id: ID!) {\n    protocol(id: $id) {\n      id\n      versions {\n        id\n        bodyHtml\n      }\n    }\n  }\n": typeof types.ProtocolVersionTextsDocument,
    "\n  query ProtocolList(\n    $taskForceId: ID\n    $category: ProtocolCategory\n    $state: ProtocolState\n    $text: String\n    $first: Int\n    $after: String\n  ) {\n    protocols(\n      taskForceId: $taskForceId\n      category: $category\n      state: $state\n      text: $text\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          title\n          category\n          state\n          dueForReview\n          updatedAt\n          currentVersion {\n            id\n            number\n            publishedAt\n            requiresAcknowledgement\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ProtocolListDocument,
    "\n  query MyTaskForces {\n    me {\n      userId\n      agency {\n        id\n        name\n      }\n      taskForces {\n        role\n        taskForce {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MyTaskForcesDocument,
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
    "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n": typeof types.ReferralDetailDocument,
    "\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n": typeof types.SurvivorRecordFragmentDoc,
    "\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": typeof types.SurvivorForEditDocument,
    "\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n": typeof types.CreateSurvivorDocument,
    "\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n": typeof types.UpdateSurvivorDocument,
    "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": typeof types.SurvivorDetailDocument,
    "\n  query SurvivorConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      ownerAgencyId\n      recipientAgencyIds\n      purposes\n      dataClasses\n      validFrom\n      validUntil\n      obtainedHow\n      language\n      interpreterUsed\n      interpreterName\n      documentReference\n      recordedAt\n      grantor {\n        type\n        name\n        relationship\n      }\n      revocation {\n        channel\n        reason\n        revokedAt\n        revokedByAgencyId\n      }\n    }\n  }\n": typeof types.SurvivorConsentsDocument,
    "\n  mutation RevokeConsent($input: RevokeConsentInput!) {\n    revokeConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RevokeConsentDocument,
    "\n  query Survivors($reference: String, $first: Int, $after: String) {\n    survivors(reference: $reference, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          reference\n          ageBand\n          minor\n          createdAt\n          ownerAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SurvivorsDocument,
};
const documents: Documents = {
    "\n  query Capabilities {\n    me {\n      userId\n      capabilities\n    }\n  }\n": types.CapabilitiesDocument,
    "\n  query ConsentAgencies {\n    agencies(first: 100) {\n      edges {\n        node {\n          id\n          name\n          type\n          deactivatedAt\n        }\n      }\n    }\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": types.ConsentAgenciesDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) {\n    recordConsent(input: $input) {\n      consent {\n        id\n        status\n      }\n    }\n  }\n": types.RecordConsentDocument,
    "\n  query ConsentSurvivor($id: ID!) {\n    survivor(id: $id) {\n      id\n      reference\n      minor\n    }\n  }\n": types.ConsentSurvivorDocument,
    "\n  query Home {\n    referrals(box: NEEDS_ACTION, first: 1) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n    }\n    unreadNotificationCount\n  }\n": types.HomeDocument,
    "\n  query Inbox($box: ReferralBox!, $status: ReferralStatus, $first: Int, $after: String) {\n    referrals(box: $box, status: $status, first: $first, after: $after) {\n      counts {\n        needsAction\n        received\n        sent\n        drafts\n      }\n      edges {\n        node {\n          id\n          status\n          urgency\n          needs\n          createdAt\n          responseDueAt\n          fromAgency {\n            id\n            name\n          }\n          toAgency {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query ReferralDirectory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean) {\n    directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: 20) {\n      edges {\n        node {\n          id\n          name\n          type\n          services\n          languages\n          serviceAreas\n          acceptingReferrals\n        }\n      }\n    }\n  }\n": types.ReferralDirectoryDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      referral {\n        id\n        status\n        version\n      }\n    }\n  }\n": types.CreateReferralDocument,
    "\n  query NewReferralMe {\n    me {\n      agency {\n        id\n      }\n    }\n  }\n": types.NewReferralMeDocument,
    "\n  query ReferralConsents($survivorId: ID!) {\n    consents(survivorId: $survivorId) {\n      id\n      status\n      purposes\n      recipientAgencyIds\n      dataClasses\n      validUntil\n    }\n  }\n": types.ReferralConsentsDocument,
    "\n  query PendingAcknowledgements($first: Int, $after: String) {\n    pendingAcknowledgements(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          publishedAt\n          effectiveDate\n          protocolId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PendingAcknowledgementsDocument,
    "\n  query PendingAcknowledgementCount($first: Int) {\n    pendingAcknowledgements(first: $first) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.PendingAcknowledgementCountDocument,
    "\n  mutation AcknowledgeProtocol($input: AcknowledgeProtocolInput!) {\n    acknowledgeProtocol(input: $input) {\n      acknowledgement {\n        versionId\n        agencyId\n        acknowledgedAt\n      }\n    }\n  }\n": types.AcknowledgeProtocolDocument,
    "\n  mutation PublishProtocolVersion($input: PublishProtocolVersionInput!) {\n    publishProtocolVersion(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n": types.PublishProtocolVersionDocument,
    "\n  mutation ArchiveProtocol($input: ArchiveProtocolInput!) {\n    archiveProtocol(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n": types.ArchiveProtocolDocument,
    "\n  query ProtocolPreview($body: String!) {\n    protocolPreview(body: $body) {\n      bodyHtml\n    }\n  }\n": types.ProtocolPreviewDocument,
    "\n  mutation CreateProtocol($input: CreateProtocolInput!) {\n    createProtocol(input: $input) {\n      protocol {\n        id\n      }\n    }\n  }\n": types.CreateProtocolDocument,
    "\n  mutation UpdateProtocolDraft($input: UpdateProtocolDraftInput!) {\n    updateProtocolDraft(input: $input) {\n      protocol {\n        id\n        version\n      }\n    }\n  }\n": types.UpdateProtocolDraftDocument,
    "\n  fragment ProtocolEdit on ProtocolVersion {\n    id\n    number\n    title\n    category\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    summaryOfChanges\n    body\n    bodyHtml\n  }\n": types.ProtocolEditFragmentDoc,
    "\n  query ProtocolForEdit($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      version\n      availableActions\n      draft {\n        ...ProtocolEdit\n      }\n      currentVersion {\n        ...ProtocolEdit\n      }\n    }\n  }\n": types.ProtocolForEditDocument,
    "\n  fragment ProtocolVersionFacts on ProtocolVersion {\n    id\n    number\n    title\n    state\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    dueForReview\n    summaryOfChanges\n    publishedAt\n    supersededAt\n  }\n": types.ProtocolVersionFactsFragmentDoc,
    "\n  query ProtocolDetail($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      category\n      audience\n      state\n      version\n      dueForReview\n      archivedAt\n      archiveReason\n      availableActions\n      ownerAgency {\n        id\n        name\n      }\n      currentVersion {\n        ...ProtocolVersionFacts\n        bodyHtml\n        acknowledgements {\n          agencyId\n          acknowledged\n          acknowledgedAt\n          agency {\n            id\n            name\n            type\n          }\n        }\n      }\n      draft {\n        ...ProtocolVersionFacts\n        bodyHtml\n      }\n      versions {\n        ...ProtocolVersionFacts\n      }\n    }\n  }\n": types.ProtocolDetailDocument,
    "\n  query ProtocolVersionTexts($id: ID!) {\n    protocol(id: $id) {\n      id\n      versions {\n        id\n        bodyHtml\n      }\n    }\n  }\n": types.ProtocolVersionTextsDocument,
    "\n  query ProtocolList(\n    $taskForceId: ID\n    $category: ProtocolCategory\n    $state: ProtocolState\n    $text: String\n    $first: Int\n    $after: String\n  ) {\n    protocols(\n      taskForceId: $taskForceId\n      category: $category\n      state: $state\n      text: $text\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          title\n          category\n          state\n          dueForReview\n          updatedAt\n          currentVersion {\n            id\n            number\n            publishedAt\n            requiresAcknowledgement\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ProtocolListDocument,
    "\n  query MyTaskForces {\n    me {\n      userId\n      agency {\n        id\n        name\n      }\n      taskForces {\n        role\n        taskForce {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MyTaskForcesDocument,
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
    "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n": types.ReferralDetailDocument,
    "\n  fragment SurvivorRecord on Survivor {\n    id\n    reference\n    minor\n    ageBand\n    version\n    ownerAgencyId\n    ownerAgency {\n      id\n      name\n    }\n    createdAt\n    updatedAt\n    givenName\n    familyName\n    aliases\n    dateOfBirth\n    gender\n    phone\n    email\n    address\n    safeContact {\n      doNotContact\n      safeMethod\n      safeTimes\n    }\n    needs {\n      need\n      priority\n    }\n    preferredLanguage\n    interpreterNeeded\n    situationSummary\n    caseNotes\n    immigrationStatus\n    immigrationDocuments\n    medicalNotes\n    mentalHealthNotes\n    substanceUseNotes\n  }\n": types.SurvivorRecordFragmentDoc,
    "\n  query SurvivorForEdit($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": types.SurvivorForEditDocument,
    "\n  mutation CreateSurvivor($input: CreateSurvivorInput!) {\n    createSurvivor(input: $input) {\n      survivor {\n        id\n      }\n    }\n  }\n": types.CreateSurvivorDocument,
    "\n  mutation UpdateSurvivor($input: UpdateSurvivorInput!) {\n    updateSurvivor(input: $input) {\n      survivor {\n        id\n        version\n      }\n    }\n  }\n": types.UpdateSurvivorDocument,
    "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n": types.SurvivorDetailDocument,
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
export function graphql(source: "\n  query PendingAcknowledgements($first: Int, $after: String) {\n    pendingAcknowledgements(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          publishedAt\n          effectiveDate\n          protocolId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingAcknowledgements($first: Int, $after: String) {\n    pendingAcknowledgements(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          number\n          title\n          publishedAt\n          effectiveDate\n          protocolId\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingAcknowledgementCount($first: Int) {\n    pendingAcknowledgements(first: $first) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingAcknowledgementCount($first: Int) {\n    pendingAcknowledgements(first: $first) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeProtocol($input: AcknowledgeProtocolInput!) {\n    acknowledgeProtocol(input: $input) {\n      acknowledgement {\n        versionId\n        agencyId\n        acknowledgedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeProtocol($input: AcknowledgeProtocolInput!) {\n    acknowledgeProtocol(input: $input) {\n      acknowledgement {\n        versionId\n        agencyId\n        acknowledgedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProtocolVersion($input: PublishProtocolVersionInput!) {\n    publishProtocolVersion(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishProtocolVersion($input: PublishProtocolVersionInput!) {\n    publishProtocolVersion(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveProtocol($input: ArchiveProtocolInput!) {\n    archiveProtocol(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveProtocol($input: ArchiveProtocolInput!) {\n    archiveProtocol(input: $input) {\n      protocol {\n        id\n        state\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtocolPreview($body: String!) {\n    protocolPreview(body: $body) {\n      bodyHtml\n    }\n  }\n"): (typeof documents)["\n  query ProtocolPreview($body: String!) {\n    protocolPreview(body: $body) {\n      bodyHtml\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProtocol($input: CreateProtocolInput!) {\n    createProtocol(input: $input) {\n      protocol {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProtocol($input: CreateProtocolInput!) {\n    createProtocol(input: $input) {\n      protocol {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProtocolDraft($input: UpdateProtocolDraftInput!) {\n    updateProtocolDraft(input: $input) {\n      protocol {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProtocolDraft($input: UpdateProtocolDraftInput!) {\n    updateProtocolDraft(input: $input) {\n      protocol {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProtocolEdit on ProtocolVersion {\n    id\n    number\n    title\n    category\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    summaryOfChanges\n    body\n    bodyHtml\n  }\n"): (typeof documents)["\n  fragment ProtocolEdit on ProtocolVersion {\n    id\n    number\n    title\n    category\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    summaryOfChanges\n    body\n    bodyHtml\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtocolForEdit($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      version\n      availableActions\n      draft {\n        ...ProtocolEdit\n      }\n      currentVersion {\n        ...ProtocolEdit\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProtocolForEdit($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      version\n      availableActions\n      draft {\n        ...ProtocolEdit\n      }\n      currentVersion {\n        ...ProtocolEdit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProtocolVersionFacts on ProtocolVersion {\n    id\n    number\n    title\n    state\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    dueForReview\n    summaryOfChanges\n    publishedAt\n    supersededAt\n  }\n"): (typeof documents)["\n  fragment ProtocolVersionFacts on ProtocolVersion {\n    id\n    number\n    title\n    state\n    audience\n    requiresAcknowledgement\n    effectiveDate\n    reviewBy\n    dueForReview\n    summaryOfChanges\n    publishedAt\n    supersededAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtocolDetail($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      category\n      audience\n      state\n      version\n      dueForReview\n      archivedAt\n      archiveReason\n      availableActions\n      ownerAgency {\n        id\n        name\n      }\n      currentVersion {\n        ...ProtocolVersionFacts\n        bodyHtml\n        acknowledgements {\n          agencyId\n          acknowledged\n          acknowledgedAt\n          agency {\n            id\n            name\n            type\n          }\n        }\n      }\n      draft {\n        ...ProtocolVersionFacts\n        bodyHtml\n      }\n      versions {\n        ...ProtocolVersionFacts\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProtocolDetail($id: ID!) {\n    protocol(id: $id) {\n      id\n      title\n      category\n      audience\n      state\n      version\n      dueForReview\n      archivedAt\n      archiveReason\n      availableActions\n      ownerAgency {\n        id\n        name\n      }\n      currentVersion {\n        ...ProtocolVersionFacts\n        bodyHtml\n        acknowledgements {\n          agencyId\n          acknowledged\n          acknowledgedAt\n          agency {\n            id\n            name\n            type\n          }\n        }\n      }\n      draft {\n        ...ProtocolVersionFacts\n        bodyHtml\n      }\n      versions {\n        ...ProtocolVersionFacts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtocolVersionTexts($id: ID!) {\n    protocol(id: $id) {\n      id\n      versions {\n        id\n        bodyHtml\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProtocolVersionTexts($id: ID!) {\n    protocol(id: $id) {\n      id\n      versions {\n        id\n        bodyHtml\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtocolList(\n    $taskForceId: ID\n    $category: ProtocolCategory\n    $state: ProtocolState\n    $text: String\n    $first: Int\n    $after: String\n  ) {\n    protocols(\n      taskForceId: $taskForceId\n      category: $category\n      state: $state\n      text: $text\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          title\n          category\n          state\n          dueForReview\n          updatedAt\n          currentVersion {\n            id\n            number\n            publishedAt\n            requiresAcknowledgement\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProtocolList(\n    $taskForceId: ID\n    $category: ProtocolCategory\n    $state: ProtocolState\n    $text: String\n    $first: Int\n    $after: String\n  ) {\n    protocols(\n      taskForceId: $taskForceId\n      category: $category\n      state: $state\n      text: $text\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          title\n          category\n          state\n          dueForReview\n          updatedAt\n          currentVersion {\n            id\n            number\n            publishedAt\n            requiresAcknowledgement\n          }\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTaskForces {\n    me {\n      userId\n      agency {\n        id\n        name\n      }\n      taskForces {\n        role\n        taskForce {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTaskForces {\n    me {\n      userId\n      agency {\n        id\n        name\n      }\n      taskForces {\n        role\n        taskForce {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralDetail($id: ID!) {\n    referral(id: $id) {\n      id\n      kind\n      status\n      version\n      availableActions\n      urgency\n      needs\n      notes\n      createdAt\n      responseDueAt\n      ageBand\n      language\n      callback\n      sharedClasses\n      survivorId\n      fromAgency {\n        id\n        name\n      }\n      toAgency {\n        id\n        name\n      }\n      outcome {\n        servicesDelivered\n        text\n      }\n      decline {\n        reason\n        declinedBy\n        text\n      }\n      failureReason\n      survivor {\n        reference\n        minor\n        ageBand\n        givenName\n        familyName\n        aliases\n        dateOfBirth\n        gender\n        phone\n        email\n        address\n        preferredLanguage\n        interpreterNeeded\n        situationSummary\n        immigrationStatus\n        medicalNotes\n      }\n      events {\n        id\n        occurredAt\n        fromStatus\n        toStatus\n        reason\n        actorAgencyId\n      }\n      messages {\n        id\n        authorAgencyId\n        body\n        createdAt\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n"): (typeof documents)["\n  query SurvivorDetail($id: ID!) {\n    survivor(id: $id) {\n      ...SurvivorRecord\n    }\n  }\n"];
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