import { useTranslation } from 'react-i18next';
import type { AgeBand, DataClass, NeedPriority, ServiceNeed } from '../gql/graphql';

/**
 * Every personal field of a survivor record, by the data class a consent shares it under
 * (DESIGN.md §3). The one list for every screen that shows or edits survivor fields.
 */
export const FIELDS_BY_CLASS = [
  ['IDENTITY', ['givenName', 'familyName', 'aliases', 'dateOfBirth', 'gender']],
  ['CONTACT', ['phone', 'email', 'address', 'safeContact']],
  ['NEEDS', ['needs', 'preferredLanguage', 'interpreterNeeded']],
  ['NARRATIVE', ['situationSummary', 'caseNotes']],
  ['IMMIGRATION', ['immigrationStatus', 'immigrationDocuments']],
  ['HEALTH', ['medicalNotes', 'mentalHealthNotes', 'substanceUseNotes']],
] as const satisfies readonly (readonly [DataClass, readonly string[]])[];

export type PersonalField = (typeof FIELDS_BY_CLASS)[number][1][number];

/** A survivor as any query reads it: the non-personal fields, and whichever personal fields it asked for. */
export type SurvivorView = {
  reference: string;
  minor: boolean;
  ageBand: AgeBand;
} & { [field in PersonalField]?: unknown };

interface SafeContactValue {
  doNotContact: boolean;
  safeMethod?: string | null;
  safeTimes?: string | null;
}
interface AssessedNeedValue {
  need: ServiceNeed;
  priority: NeedPriority;
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="margin-bottom-1">
      <dt className="text-bold">{label}</dt>
      <dd className="margin-left-0">{children}</dd>
    </div>
  );
}

/**
 * The survivor's fields, class by class: only the fields the query read. A field the API withheld
 * is "not shared with your agency" (never shown as empty: an empty field would read as "nothing
 * on file").
 */
export function SurvivorFields(props: {
  survivor: SurvivorView;
  notShared: (field: PersonalField) => boolean;
}) {
  const { t } = useTranslation();
  const { survivor } = props;
  const show = (field: PersonalField) => {
    if (props.notShared(field)) return <span className="hub-not-shared">{t('survivor.notShared')}</span>;
    const value = survivor[field];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      return <span className="hub-not-shared">{t('survivor.notRecorded')}</span>;
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (field === 'needs') {
      return (value as AssessedNeedValue[])
        .map((n) =>
          t('survivor.needWithPriority', {
            need: t(`need.${n.need}`),
            priority: t(`priority.${n.priority}`),
          }),
        )
        .join(', ');
    }
    if (field === 'safeContact') {
      const contact = value as SafeContactValue;
      return (
        [
          contact.doNotContact ? t('survivor.doNotContact') : '',
          contact.safeTimes ? t('survivor.safeTimesValue', { value: contact.safeTimes }) : '',
          contact.safeMethod ? t('survivor.safeMethodValue', { value: contact.safeMethod }) : '',
        ]
          .filter(Boolean)
          .join(' · ') || <span className="hub-not-shared">{t('survivor.notRecorded')}</span>
      );
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
  return (
    <>
      <dl>
        <Fact label={t('survivor.reference')}>{survivor.reference}</Fact>
        <Fact label={t('survivor.ageBand')}>{t(`ageBand.${survivor.ageBand}`)}</Fact>
        {survivor.minor && <Fact label={t('survivor.minor')}>{t('common.yes')}</Fact>}
      </dl>
      {FIELDS_BY_CLASS.map(([dataClass, all]) => {
        const fields = all.filter((field) => field in survivor);
        return fields.length === 0 ? null : (
          <div key={dataClass}>
            <h3>{t(`dataClass.${dataClass}`)}</h3>
            <dl>
              {fields.map((field) => (
                <Fact key={field} label={t(`survivor.${field}`)}>
                  {show(field)}
                </Fact>
              ))}
            </dl>
          </div>
        );
      })}
    </>
  );
}
