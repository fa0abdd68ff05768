import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { defineLifecycle } from './lifecycle';
import { offeredActions, permits } from './offered-actions';

type S = 'OPEN' | 'DONE' | 'GONE';
const lifecycle = defineLifecycle<S, 'finish' | 'drop' | 'note'>('Toy', {
  finish: { from: ['OPEN'], to: 'DONE' },
  drop: { from: ['OPEN', 'DONE'], to: 'GONE' },
  note: { from: ['OPEN'] },
});
const OFFER = {
  moves: { finish: 'FINISH', drop: 'DROP', note: 'NOTE' },
  always: { message: 'MESSAGE' },
} as const;

/** The owner may finish, note and write; anyone may drop what is theirs to see (agency 1's). */
function abilityOf(agencyId: string) {
  const { can, build } = new AbilityBuilder(createMongoAbility);
  can(['finish', 'note', 'message'], 'Toy', { ownerId: agencyId });
  can('drop', 'Toy', { ownerId: 'a-1' });
  return build();
}

describe('offeredActions', () => {
  const mine = { policyRecord: { id: 't-1', ownerId: 'a-1' } };

  it('offers the moves the policy allows on this record and the lifecycle has from its status, in table order, then the always-actions', () => {
    expect(offeredActions(abilityOf('a-1'), lifecycle, { ...mine, status: 'OPEN' }, OFFER)).toEqual([
      'FINISH',
      'DROP',
      'NOTE',
      'MESSAGE',
    ]);
    expect(offeredActions(abilityOf('a-1'), lifecycle, { ...mine, status: 'DONE' }, OFFER)).toEqual([
      'DROP',
      'MESSAGE',
    ]);
    expect(offeredActions(abilityOf('a-1'), lifecycle, { ...mine, status: 'GONE' }, OFFER)).toEqual([
      'MESSAGE',
    ]);
  });

  it('offers nothing the policy refuses on this record (another owner: drop only, no thread)', () => {
    expect(offeredActions(abilityOf('a-2'), lifecycle, { ...mine, status: 'OPEN' }, OFFER)).toEqual(['DROP']);
    expect(
      offeredActions(
        abilityOf('a-2'),
        lifecycle,
        { policyRecord: { id: 't-2', ownerId: 'a-3' }, status: 'OPEN' },
        OFFER,
      ),
    ).toEqual([]);
  });

  it('leaves out a move the domain withholds', () => {
    expect(
      offeredActions(
        abilityOf('a-1'),
        lifecycle,
        { ...mine, status: 'OPEN' },
        OFFER,
        (move) => move === 'finish',
      ),
    ).toEqual(['DROP', 'NOTE', 'MESSAGE']);
  });

  it('permits judges one action on one record, as the runner does', () => {
    expect(permits(abilityOf('a-1'), 'Toy', mine.policyRecord, 'finish')).toBe(true);
    expect(permits(abilityOf('a-2'), 'Toy', mine.policyRecord, 'finish')).toBe(false);
  });
});
