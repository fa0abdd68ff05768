import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { answersLegacyJson, errorCodeOf, withoutSuggestions } from './error-handling';
import { ForbiddenError, NotFoundError } from './errors';
import { httpFailureOf } from './hub-exception.filter';

const pg = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const resolverError = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['field'] });

describe('errorCodeOf', () => {
  it.each([
    ['a HubError', new NotFoundError('Survivor', 'x'), 'NOT_FOUND'],
    ['a HubError under a resolver wrapper', resolverError(new ForbiddenError()), 'FORBIDDEN'],
    ["the validation pipe's 400", resolverError(new BadRequestException(['bad'])), 'BAD_USER_INPUT'],
    ["Nest's 404", resolverError(new NotFoundException()), 'NOT_FOUND'],
    [
      'a parse failure',
      new GraphQLError('x', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      'GRAPHQL_PARSE_FAILED',
    ],
    ['a bug', resolverError(new TypeError('x is undefined')), 'INTERNAL_SERVER_ERROR'],
    [
      'a statement error',
      resolverError(new QueryFailedError('SELECT', [], pg('22021'))),
      'INTERNAL_SERVER_ERROR',
    ],
    ['a 500 HttpException', resolverError(new HttpException('x', 500)), 'INTERNAL_SERVER_ERROR'],
  ])('%s is %s', (_what, error, code) => {
    expect(errorCodeOf(error)).toBe(code);
  });

  it.each([
    ['connection refused', pg('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a refused address among several', new AggregateError([pg('ECONNREFUSED')], '')],
    ['admin shutdown', new QueryFailedError('SELECT', [], pg('57P01'))],
    ['crash shutdown', pg('57P02')],
    ['cannot connect now', pg('57P03')],
    ['too many connections', pg('53300')],
    ['a connection exception', pg('08006')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
  ])('%s is SERVICE_UNAVAILABLE', (_what, error) => {
    expect(errorCodeOf(resolverError(error))).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('withoutSuggestions', () => {
  it.each([
    [
      'Value "LEGALL" does not exist in "ServiceNeed" enum. Did you mean the enum value "LEGAL"?',
      'Value "LEGALL" does not exist in "ServiceNeed" enum.',
    ],
    [
      'Field "urgenc" is not defined by type "CreateReferralInput". Did you mean "urgency"?',
      'Field "urgenc" is not defined by type "CreateReferralInput".',
    ],
    [
      'Cannot query field "directry" on type "Query". Did you mean "directory" or "agency"?',
      'Cannot query field "directry" on type "Query".',
    ],
    ['Survivor x not found', 'Survivor x not found'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });
});

describe('answersLegacyJson', () => {
  it.each([
    [undefined, true],
    ['*/*', true],
    ['application/json', true],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json', false],
    ['application/json, application/graphql-response+json', true],
    ['application/json;q=0.5, application/graphql-response+json', false],
    ['application/graphql-response+json;q=0, application/json', true],
  ])('Accept %s → %s', (accept, legacy) => {
    expect(answersLegacyJson(accept)).toBe(legacy);
  });
});

describe('httpFailureOf', () => {
  const bodyParser = (status: number, type: string) =>
    Object.assign(new Error('Unexpected token A'), { status, type });

  it.each([
    ['an oversized body', bodyParser(413, 'entity.too.large'), 413, 'PAYLOAD_TOO_LARGE'],
    [
      'malformed JSON (Nest maps it to a 400)',
      new BadRequestException('Unexpected token "A"'),
      400,
      'BAD_REQUEST',
    ],
    ['an unknown charset', bodyParser(415, 'charset.unsupported'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown path', new NotFoundException('Cannot GET /x'), 404, 'NOT_FOUND'],
    ['a database outage in middleware', pg('ECONNREFUSED'), 503, 'SERVICE_UNAVAILABLE'],
    ['a bug in middleware', new TypeError('x'), 500, 'INTERNAL_SERVER_ERROR'],
    [
      'a GraphQLError from middleware',
      new GraphQLError('Authentication required', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      }),
      401,
      'UNAUTHENTICATED',
    ],
  ])('%s answers %d %s with a fixed message', (_what, error, status, code) => {
    const failure = httpFailureOf(error);
    expect({ status: failure.status, code: failure.code }).toEqual({ status, code });
    if (!(error instanceof GraphQLError)) expect(failure.message).not.toContain(error.message);
  });
});
