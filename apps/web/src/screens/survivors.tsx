import { useQuery } from '@apollo/client/react';
import { Button, Table } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../forms/fields';
import { graphql } from '../gql';
import { formatDateTime } from '../i18n';
import { usePageTitle } from '../page-title';
import { ListStatus } from './list-status';
import { KeysetPager } from './pager';

const PAGE_SIZE = 20;

/** Only the non-personal fields: the list is a way to a record, never a disclosure of one. */
export const SURVIVORS_QUERY = graphql(`
  query Survivors($reference: String, $first: Int, $after: String) {
    survivors(reference: $reference, first: $first, after: $after) {
      edges {
        node {
          id
          reference
          ageBand
          minor
          createdAt
          ownerAgency {
            id
            name
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** The API's shape of a pseudonymous reference (SurvivorsArgs.reference). */
const REFERENCE = /^S-[0-9A-Z]{10}$/;

/** The reference as typed, normalised; an error key when it cannot be one. */
export function normaliseReference(typed: string): { reference?: string; error?: string } {
  const reference = typed.trim().toUpperCase();
  if (!reference) return {};
  return REFERENCE.test(reference) ? { reference } : { error: 'survivors.referenceFormat' };
}

/**
 * The survivor records the caller may see, newest first, or the one with a reference. The
 * reference stays in the screen's state, never in the address (history, bookmarks, logs).
 */
export function SurvivorsScreen() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('survivors.title'));
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();
  const [reference, setReference] = useState<string>();
  // Keyset paging: the cursors of the pages before this one (Previous goes back one).
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, loading } = useQuery(SURVIVORS_QUERY, {
    variables: { reference, first: PAGE_SIZE, after: cursors.at(-1) },
    fetchPolicy: 'no-cache',
  });
  const connection = (data ?? previousData)?.survivors;

  const find = (event: React.FormEvent) => {
    event.preventDefault();
    const found = normaliseReference(typed);
    setTypedError(found.error);
    if (found.error) return;
    setCursors([]);
    setReference(found.reference);
  };

  return (
    <>
      <h1>{t('survivors.title')}</h1>
      <p>
        <Link className="usa-button" to="/survivors/new">
          {t('survivors.create')}
        </Link>
      </p>
      <form className="usa-form" onSubmit={find} noValidate role="search">
        <TextField
          id="reference"
          label={t('survivors.findByReference')}
          hint={t('survivors.referenceHint')}
          value={typed}
          onChange={setTyped}
          error={typedError ? t(typedError) : undefined}
        />
        <Button type="submit" className="margin-top-2">
          {t('survivors.find')}
        </Button>
        {reference && (
          <Button
            type="button"
            unstyled
            className="margin-left-2"
            onClick={() => {
              setTyped('');
              setReference(undefined);
              setCursors([]);
            }}
          >
            {t('survivors.showAll')}
          </Button>
        )}
      </form>

      <KeysetPager
        id="survivor-results"
        cursors={cursors}
        onChange={setCursors}
        pageInfo={connection?.pageInfo}
      >
        <ListStatus error={error} loading={loading} connection={connection} empty={t('survivors.none')} />
        {connection && connection.edges.length > 0 && (
          <Table fullWidth striped>
            <caption>{t('survivors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survivor.reference')}</th>
                <th scope="col">{t('survivor.ageBand')}</th>
                <th scope="col">{t('survivor.minor')}</th>
                <th scope="col">{t('survivors.owner')}</th>
                <th scope="col">{t('referral.created')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link className="usa-link" to={`/survivors/${node.id}`}>
                      {node.reference}
                    </Link>
                  </th>
                  <td>{t(`ageBand.${node.ageBand}`)}</td>
                  <td>{node.minor ? t('common.yes') : t('common.no')}</td>
                  <td>{node.ownerAgency.name}</td>
                  <td>{formatDateTime(node.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </KeysetPager>
    </>
  );
}
