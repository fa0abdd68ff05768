import { defineLifecycle, IllegalTransitionError } from './lifecycle';

type S = 'OPEN' | 'DONE' | 'GONE';
const lifecycle = defineLifecycle<S, 'finish' | 'drop' | 'note'>('Toy', {
  finish: { from: ['OPEN'], to: 'DONE' },
  drop: { from: ['OPEN', 'DONE'], to: 'GONE' },
  note: { from: ['OPEN'] },
});

describe('defineLifecycle', () => {
  it('answers next and allowedFrom from the table (a move without `to` keeps the status)', () => {
    expect(lifecycle.next('OPEN', 'finish')).toBe('DONE');
    expect(lifecycle.next('OPEN', 'note')).toBe('OPEN');
    expect(lifecycle.next('GONE', 'drop')).toBeUndefined();
    expect(lifecycle.allowedFrom('OPEN')).toEqual(['finish', 'drop', 'note']);
    expect(lifecycle.allowedFrom('DONE')).toEqual(['drop']);
    expect(lifecycle.allowedFrom('GONE')).toEqual([]);
  });

  it('refuses with the one ILLEGAL_TRANSITION shape', () => {
    let caught: unknown;
    try {
      lifecycle.assert('DONE', 'finish');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    expect((caught as IllegalTransitionError).extensions).toEqual({
      code: 'ILLEGAL_TRANSITION',
      subjectType: 'Toy',
      status: 'DONE',
      transition: 'finish',
      allowed: ['drop'],
    });
  });
});
