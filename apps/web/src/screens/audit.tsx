import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, ButtonGroup, Table, Tag } from '@trussworks/react-uswds';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Requires, useCapabilities } from '../capabilities';
import { saveTextFile } from '../download';
import { useAnnouncement } from '../focus';
import { SelectField, TextField } from '../forms/fields';
import { graphql } from '../gql';
import type { AuditDecision, VerifyAuditTrailQuery } from '../gql/graphql';
import { formatDateTime, formatNumber } from '../i18n';
import { Announcement, Notice } from '../notice';
import { usePageTitle } from '../page-title';
import {
  AUDIT_DECISIONS,
  type AuditFilterValues,
  auditFilterInput,
  csvFileName,
  EMPTY_AUDIT_FILTER,
  localDay,
  normaliseAction,
  validateAuditFilter,
} from './audit-filter';
import { AGENCIES_QUERY } from './consent-form';
import { ErrorNotice } from './error-notice';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

const PAGE_SIZE = 20;

/**
 * Read without the cache: an event names no personal value, but its reason is free text (a
 * break-glass reason describes a danger), so it is not kept in the client's store.
 */
export const AUDIT_EVENTS_QUERY = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          occurredAt
          actorUserId
          actorAgencyId
          action
          subjectType
          subjectId
          fields
          purpose
          decision
          reason
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const AUDIT_CSV_QUERY = graphql(`
  query AuditEventsCsv($filter: AuditEventFilter) {
    auditEventsCsv(filter: $filter)
  }
`);

export const VERIFY_AUDIT_QUERY = graphql(`
  query VerifyAuditTrail($anchor: AuditAnchorInput) {
    verifyAuditTrail(anchor: $anchor) {
      ok
      problem {
        code
        eventId
        seal
        count
      }
      sealsChecked
      eventsChecked
      unsealedEvents
      anchor {
        seq
        hash
      }
    }
  }
`);

export type Verification = VerifyAuditTrailQuery['verifyAuditTrail'];

/** An anchor kept from an earlier check (both parts, or none): the API's shapes. */
export function validateAnchor(values: { seq: string; hash: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const seq = values.seq.trim();
  const hash = values.hash.trim().toLowerCase();
  if (!seq && !hash) return errors;
  if (!/^[1-9]\d{0,8}$/.test(seq)) errors['anchorSeq'] = 'audit.verify.seqFormat';
  if (!/^[0-9a-f]{64}$/.test(hash)) errors['anchorHash'] = 'audit.verify.hashFormat';
  return errors;
}

/** The audit trail for agency admins (their agency's) and auditors (all of it). */
export function AuditScreen() {
  return (
    <Requires capability="READ_AUDIT">
      <AuditTrail />
    </Requires>
  );
}

/**
 * The events the caller may read, newest first, filtered as the API allows, a page at a time (keyset
 * paging); for auditors the CSV export of the same filter and the verification of the trail. The
 * filter stays in the screen's state, never in the address: a subject id can name a survivor's record.
 */
function AuditTrail() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const { has } = useCapabilities();
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTER);
  const [applied, setApplied] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = useMemo(() => auditFilterInput(applied), [applied]);
  const { data, previousData, error, loading } = useQuery(AUDIT_EVENTS_QUERY, {
    variables: { filter, first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'no-cache',
  });
  const agencies = useQuery(AGENCIES_QUERY);
  const agencyList = (agencies.data?.agencies.edges ?? []).map((edge) => edge.node);
  const names = new Map(agencyList.map((agency) => [agency.id, agency.name]));
  const connection = (data ?? previousData)?.auditEvents;
  const set = <K extends keyof AuditFilterValues>(field: K, value: AuditFilterValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const fieldError = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateAuditFilter(values);
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('#audit-filter [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    // The action as the API names it, so the field shows what was asked.
    const normalised = { ...values, action: normaliseAction(values.action) };
    setValues(normalised);
    setApplied(normalised);
    setCursors([]);
  };
  const clear = () => {
    setValues(EMPTY_AUDIT_FILTER);
    setApplied(EMPTY_AUDIT_FILTER);
    setErrors({});
    setCursors([]);
  };

  const events = connection?.edges ?? [];
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="usa-intro">{t('audit.intro')}</p>

      <form
        id="audit-filter"
        role="search"
        aria-label={t('audit.filter.label')}
        className="usa-form maxw-none"
        noValidate
        onSubmit={apply}
      >
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="action"
              label={t('audit.filter.action')}
              hint={t('audit.filter.actionHint')}
              value={values.action}
              onChange={(value) => set('action', value)}
              error={fieldError('action')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="subjectType"
              label={t('audit.filter.subjectType')}
              hint={t('audit.filter.subjectTypeHint')}
              value={values.subjectType}
              onChange={(value) => set('subjectType', value)}
              error={fieldError('subjectType')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="subjectId"
              label={t('audit.filter.subjectId')}
              hint={t('audit.filter.idHint')}
              value={values.subjectId}
              onChange={(value) => set('subjectId', value)}
              error={fieldError('subjectId')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="actorUserId"
              label={t('audit.filter.actor')}
              hint={t('audit.filter.idHint')}
              value={values.actorUserId}
              onChange={(value) => set('actorUserId', value)}
              error={fieldError('actorUserId')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <SelectField
              id="agencyId"
              label={t('audit.filter.agency')}
              value={values.agencyId}
              placeholder={t('audit.filter.anyAgency')}
              options={agencyList.map((agency) => ({ value: agency.id, label: agency.name }))}
              onChange={(value) => set('agencyId', value)}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <SelectField
              id="decision"
              label={t('audit.filter.decision')}
              value={values.decision}
              placeholder={t('audit.filter.anyDecision')}
              options={AUDIT_DECISIONS.map((value) => ({ value, label: t(`audit.decision.${value}`) }))}
              onChange={(value) => set('decision', value as AuditDecision | '')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="from"
              label={t('audit.filter.from')}
              hint={t('audit.filter.dayHint')}
              value={values.from}
              onChange={(value) => set('from', value)}
              error={fieldError('from')}
            />
          </div>
          <div className="tablet:grid-col-6 desktop:grid-col-3">
            <TextField
              id="to"
              label={t('audit.filter.to')}
              hint={t('audit.filter.dayHint')}
              value={values.to}
              onChange={(value) => set('to', value)}
              error={fieldError('to')}
            />
          </div>
        </div>
        <ButtonGroup className="margin-top-2">
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button type="button" outline onClick={clear}>
            {t('audit.filter.clear')}
          </Button>
        </ButtonGroup>
      </form>

      {has('VERIFY_AUDIT') && (
        <CsvExport
          // A new filter is a new export: what was said about the last one goes.
          key={JSON.stringify(filter)}
          filter={filter}
          fileName={() => csvFileName(applied, localDay(new Date()))}
        />
      )}

      <section aria-labelledby="events-heading" className="margin-top-4">
        <h2 id="events-heading">{t('audit.events')}</h2>
        <ListStatus
          error={error}
          loading={loading}
          connection={connection}
          empty={t('audit.none')}
          explainError
        />
        <KeysetPager
          id="audit-events"
          cursors={cursors}
          onChange={setCursors}
          pageInfo={connection?.pageInfo}
        >
          {events.length > 0 && (
            <Table fullWidth striped compact scrollable>
              <caption>{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.column.when')}</th>
                  <th scope="col">{t('audit.column.action')}</th>
                  <th scope="col">{t('audit.column.decision')}</th>
                  <th scope="col">{t('audit.column.actor')}</th>
                  <th scope="col">{t('audit.column.subject')}</th>
                  <th scope="col">{t('audit.column.fields')}</th>
                  <th scope="col">{t('audit.column.purpose')}</th>
                  <th scope="col">{t('audit.column.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">{formatDateTime(node.occurredAt, i18n.language)}</th>
                    <td>
                      <code>{node.action}</code>
                    </td>
                    <td>
                      <Tag className={node.decision === 'DENIED' ? 'bg-secondary-dark' : 'bg-green'}>
                        {t(`audit.decision.${node.decision}`)}
                      </Tag>
                    </td>
                    <td>
                      {node.actorUserId ? (
                        <code className="hub-id">{node.actorUserId}</code>
                      ) : (
                        t('audit.theHub')
                      )}
                      {node.actorAgencyId && (
                        <div>{names.get(node.actorAgencyId) ?? t('referral.otherAgency')}</div>
                      )}
                    </td>
                    <td>
                      {/* The kind of record as the API names it (what the filter takes), like the action. */}
                      <code>{node.subjectType}</code>
                      {node.subjectId && (
                        <div>
                          <code className="hub-id">{node.subjectId}</code>
                        </div>
                      )}
                    </td>
                    <td>{node.fields.join(', ')}</td>
                    <td>
                      {node.purpose ? t(`purpose.${node.purpose}`, { defaultValue: node.purpose }) : ''}
                    </td>
                    <td>{node.reason}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </KeysetPager>
      </section>

      {has('VERIFY_AUDIT') && <TrailVerification />}
    </>
  );
}

/**
 * The events of the filter as a CSV file (the API's export: newest first, at most 10,000), named by
 * its date range only. Read without the cache, like the list.
 */
function CsvExport(props: { filter: ReturnType<typeof auditFilterInput>; fileName: () => string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const result = useAnnouncement<{ saved: string } | { failure: unknown }>(null);
  const exportCsv = async () => {
    setBusy(true);
    result.announce(null);
    try {
      const { data } = await client.query({
        query: AUDIT_CSV_QUERY,
        variables: { filter: props.filter },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('no CSV in the answer');
      const name = props.fileName();
      saveTextFile(name, data.auditEventsCsv, 'text/csv;charset=utf-8');
      result.announce({ saved: name });
    } catch (caught) {
      result.announce({ failure: caught });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="export-heading" className="margin-top-4">
      <h2 id="export-heading">{t('audit.export.heading')}</h2>
      <p>{t('audit.export.explain')}</p>
      <Button type="button" outline disabled={busy} onClick={() => void exportCsv()}>
        {busy ? t('audit.export.busy') : t('audit.export.button')}
      </Button>
      <Announcement of={result}>
        {(shown) =>
          'saved' in shown ? (
            <Notice type="success" heading={t('audit.export.saved', { name: shown.saved })} />
          ) : (
            <ErrorNotice error={shown.failure} />
          )
        }
      </Announcement>
    </section>
  );
}

/**
 * Verifies the whole trail (the API seals what is unsealed first) and says plainly whether it is
 * intact or where it first broke; an anchor kept from an earlier check also catches a trail
 * rewritten from scratch.
 */
function TrailVerification() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [anchor, setAnchor] = useState({ seq: '', hash: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const result = useAnnouncement<{ report: Verification } | { failure: unknown }>(null);
  const verify = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateAnchor(anchor);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    result.announce(null);
    const kept = anchor.seq.trim()
      ? { seq: Number(anchor.seq.trim()), hash: anchor.hash.trim().toLowerCase() }
      : undefined;
    try {
      const { data } = await client.query({
        query: VERIFY_AUDIT_QUERY,
        variables: { anchor: kept },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('no verification in the answer');
      result.announce({ report: data.verifyAuditTrail });
    } catch (caught) {
      result.announce({ failure: caught });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <section aria-labelledby="verify-heading" className="margin-top-4">
      <h2 id="verify-heading">{t('audit.verify.heading')}</h2>
      <p>{t('audit.verify.explain')}</p>
      <form className="usa-form usa-form--large" noValidate onSubmit={(event) => void verify(event)}>
        <TextField
          id="anchorSeq"
          label={t('audit.verify.seq')}
          hint={t('audit.verify.anchorHint')}
          value={anchor.seq}
          onChange={(seq) => setAnchor({ ...anchor, seq })}
          error={fieldError('anchorSeq')}
        />
        <TextField
          id="anchorHash"
          label={t('audit.verify.hash')}
          value={anchor.hash}
          onChange={(hash) => setAnchor({ ...anchor, hash })}
          error={fieldError('anchorHash')}
        />
        <Button type="submit" className="margin-top-2" disabled={busy}>
          {busy ? t('audit.verify.busy') : t('audit.verify.button')}
        </Button>
      </form>
      <Announcement of={result} className="margin-top-2">
        {(shown) =>
          'report' in shown ? (
            <VerificationResult report={shown.report} />
          ) : (
            <ErrorNotice error={shown.failure} />
          )
        }
      </Announcement>
    </section>
  );
}

export function VerificationResult({ report }: { report: Verification }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const checked = t('audit.verify.checked', {
    events: number(report.eventsChecked),
    seals: number(report.sealsChecked),
    unsealed: number(report.unsealedEvents),
  });
  return (
    <>
      {report.ok ? (
        <Notice type="success" heading={t('audit.verify.intact')} text={checked} />
      ) : (
        <Notice
          type="error"
          heading={t('audit.verify.broken')}
          text={
            report.problem
              ? t(`audit.problem.${report.problem.code}`, {
                  event: report.problem.eventId ?? '',
                  seal: report.problem.seal === null ? '' : number(report.problem.seal),
                  count: number(report.problem.count ?? 0),
                })
              : undefined
          }
        />
      )}
      {report.anchor && (
        <p>
          {t('audit.verify.keepAnchor')}{' '}
          <code className="hub-id">
            {t('audit.verify.anchorValue', { seq: report.anchor.seq, hash: report.anchor.hash })}
          </code>
        </p>
      )}
    </>
  );
}
