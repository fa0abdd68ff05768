import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../notice';

/**
 * A survivor record's form reached by its address when the record does not offer that action to the
 * caller (`Survivor.availableActions`: another agency's record, or a report it does not call for):
 * says so and leads back to the record, instead of a form the API would refuse.
 */
export function NotOfferedOnRecord(props: { heading: string; survivorId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice type="warning" level="h1" heading={props.heading} />
      <p>
        <Link className="usa-link" to={`/survivors/${props.survivorId}`}>
          {t('survivor.backToRecord')}
        </Link>
      </p>
    </>
  );
}
