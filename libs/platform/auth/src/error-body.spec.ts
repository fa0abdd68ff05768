import { graphqlErrorBody } from './error-body';

describe('graphqlErrorBody', () => {
  it('is one error with no data: the message, and the code beside any other extensions', () => {
    expect(graphqlErrorBody('Invalid or expired access token', 'UNAUTHENTICATED')).toEqual({
      errors: [{ message: 'Invalid or expired access token', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(JSON.stringify(graphqlErrorBody('Not admitted', 'FORBIDDEN', { reason: 'USER_SUSPENDED' }))).toBe(
      '{"errors":[{"message":"Not admitted","extensions":{"code":"FORBIDDEN","reason":"USER_SUSPENDED"}}]}',
    );
  });
});
