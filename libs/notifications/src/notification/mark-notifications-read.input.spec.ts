import { randomUUID } from 'node:crypto';
import { createValidationPipe } from '@hub/graphql';
import { MarkNotificationsReadInput } from './mark-notifications-read.input';

/** The input through the API's own validation pipe, as the GraphQL layer runs it. */
const validate = (value: unknown): Promise<unknown> =>
  createValidationPipe().transform(value, {
    type: 'body',
    metatype: MarkNotificationsReadInput,
    data: 'input',
  });

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

describe('MarkNotificationsReadInput', () => {
  it.each([
    ['one id', { ids: ids(1) }],
    ['100 ids', { ids: ids(100) }],
    ['all', { all: true }],
    ['ids with all: false', { ids: ids(2), all: false }],
  ])('accepts %s', async (_name, value) => {
    await expect(validate(value)).resolves.toBeInstanceOf(MarkNotificationsReadInput);
  });

  it.each([
    ['nothing', {}],
    ['all: false alone', { all: false }],
    ['empty ids', { ids: [] }],
    ['null ids', { ids: null }],
    ['101 ids', { ids: ids(101) }],
    ['a non-uuid id', { ids: [randomUUID(), 'not-an-id'] }],
    ['a number as id', { ids: ['42'] }],
    ['ids and all: true', { ids: ids(1), all: true }],
    ['empty ids and all: true', { ids: [], all: true }],
  ])('refuses %s with BAD_USER_INPUT', async (_name, value) => {
    await expect(validate(value)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
