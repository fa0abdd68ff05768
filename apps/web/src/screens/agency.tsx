import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useAnnouncement, useArrival } from '../focus';
import { graphql } from '../gql';
import type { AgencyProfileFieldsFragment } from '../gql/graphql';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import { MY_TASK_FORCES } from './protocols';
import { Fact } from './survivor-fields';

/** Everything of an agency's profile and directory entry the hub shows. */
export const AGENCY_PROFILE_FIELDS = graphql(`
  fragment AgencyProfileFields on Agency {
    id
    name
    type
    jurisdiction
    status
    description
    services
    languages
    serviceAreas
    hours
    intakePhone
    intakeEmail
    website
    acceptingReferrals
    notificationLanguage
    confidentialLocation
    version
    address {
      street
      city
      region
      postalCode
    }
  }
`);

export const AGENCY_QUERY = graphql(`
  query AgencyProfile($id: ID!) {
    agency(id: $id) {
      ...AgencyProfileFields
      availableActions
    }
  }
`);

/** A language's name in the reader's language (ISO 639-1 code → "Spanish" / "español"). */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The caller's own agency: the navigation's "Agency profile" leads here. */
export function MyAgencyScreen() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MY_TASK_FORCES, { fetchPolicy: 'cache-first' });
  if (error) return <Notice type="error" level="h1" heading={t('errors.loadFailed')} />;
  if (!data) return <p role="status">{t('app.loading')}</p>;
  const id = data.me.agency?.id;
  if (!id) return <Notice type="info" level="h1" heading={t('agencyProfile.noAgency')} />;
  return <Navigate to={`/agencies/${id}`} replace />;
}

/** One member agency's profile and directory entry; its own admins get "Edit the profile". */
export function AgencyScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('agencyProfile.title'));
  // Arriving from the profile form: say it saved (the state holds an action name only).
  const flash = useAnnouncement(useArrival<{ done: 'SAVED' }>()?.done ?? null);
  const { data, error, loading } = useQuery(AGENCY_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <p role="status">{t('app.loading')}</p>;
  if (error && !data) {
    const notFound =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'NOT_FOUND');
    return (
      <Notice
        type="error"
        level="h1"
        heading={notFound ? t('agencyProfile.notFound') : t('errors.loadFailed')}
      />
    );
  }
  if (!data) return null;
  const agency = data.agency;
  return (
    <>
      <h1>{agency.name}</h1>
      <Announcement of={flash}>
        {() => <Notice type="info" heading={t('agencyProfile.saved')} />}
      </Announcement>
      {agency.availableActions.includes('UPDATE_PROFILE') && (
        <p>
          <Link className="usa-button" to={`/agencies/${agency.id}/edit`}>
            {t('agencyProfile.edit')}
          </Link>
        </p>
      )}
      <AgencyFacts agency={agency} />
    </>
  );
}

/** The profile as facts (the screen, and "their version" after a CONFLICT). */
export function AgencyFacts({ agency }: { agency: AgencyProfileFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const none = <span className="hub-not-shared">{t('agencyProfile.notGiven')}</span>;
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : none);
  const address = agency.address;
  return (
    <dl className="hub-facts">
      <Fact label={t('agencyProfile.kind')}>{t(`agencyType.${agency.type}`)}</Fact>
      <Fact label={t('agencyProfile.jurisdiction')}>{agency.jurisdiction}</Fact>
      {agency.status === 'DEACTIVATED' && (
        <Fact label={t('agencyProfile.status')}>{t('agencyProfile.deactivated')}</Fact>
      )}
      <Fact label={t('agencyProfile.description')}>{agency.description || none}</Fact>
      <Fact label={t('agencyProfile.acceptingReferrals')}>
        {agency.acceptingReferrals ? t('common.yes') : t('common.no')}
      </Fact>
      <Fact label={t('agencyProfile.services')}>
        {list(agency.services.map((need) => t(`need.${need}`)))}
      </Fact>
      <Fact label={t('agencyProfile.languages')}>
        {list(agency.languages.map((code) => languageName(code, i18n.language)))}
      </Fact>
      <Fact label={t('agencyProfile.serviceAreas')}>{list(agency.serviceAreas)}</Fact>
      <Fact label={t('agencyProfile.hours')}>{agency.hours ?? none}</Fact>
      <Fact label={t('agencyProfile.intakePhone')}>
        {agency.intakePhone ? <a href={`tel:${agency.intakePhone}`}>{agency.intakePhone}</a> : none}
      </Fact>
      <Fact label={t('agencyProfile.intakeEmail')}>
        {agency.intakeEmail ? <a href={`mailto:${agency.intakeEmail}`}>{agency.intakeEmail}</a> : none}
      </Fact>
      <Fact label={t('agencyProfile.website')}>
        {agency.website ? (
          <a href={agency.website} rel="noopener noreferrer">
            {agency.website}
          </a>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t('agencyProfile.address')}>
        {address
          ? `${address.street}, ${address.city}, ${address.region} ${address.postalCode}`
          : agency.confidentialLocation
            ? t('agencyProfile.confidential')
            : none}
      </Fact>
      <Fact label={t('agencyProfile.notificationLanguage')}>
        {languageName(agency.notificationLanguage, i18n.language)}
      </Fact>
    </dl>
  );
}
