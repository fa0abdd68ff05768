import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../graphql/errors';
import { FORM_ACTIONS } from '../screens/protocol-actions';
import { IRREVERSIBLE, TRANSITION_ACTIONS } from '../screens/referral-actions';
import { TA_ACTION_FIELDS, TA_IRREVERSIBLE, TA_TRANSITIONS } from '../screens/technical-assistance-actions';
import { EMPTY_TA_REQUEST } from '../screens/technical-assistance-request-form';
import type { Catalog } from './catalog';
import en from './catalog.en';
import es from './catalog.es';

function keysOf(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueOf(catalog: Catalog, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Catalog | undefined)?.[part], catalog);
}

const src = resolve(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('English and Spanish have exactly the same keys, none empty', () => {
    expect(keysOf(es).sort()).toEqual(keysOf(en).sort());
    for (const key of keysOf(en)) {
      expect([key, String(valueOf(en, key)).trim()]).not.toEqual([key, '']);
      expect([key, String(valueOf(es, key)).trim()]).not.toEqual([key, '']);
    }
  });

  it('have every key the code names literally (t("…"))', () => {
    const used = new Set<string>();
    for (const file of sources(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    // A key used with a count has its plural forms (key_one, key_other) instead.
    const known = (key: string) =>
      typeof valueOf(en, key) === 'string' || typeof valueOf(en, `${key}_other`) === 'string';
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });

  it('name every value of the API enums the screens show', () => {
    const schema = buildSchema(readFileSync(resolve(src, '../../api/schema.gql'), 'utf8'));
    const shown: Record<string, string> = {
      ReferralStatus: 'status',
      ReferralBox: 'box',
      Urgency: 'urgency',
      ServiceNeed: 'need',
      DataClass: 'dataClass',
      AgeBand: 'ageBand',
      DeclineReason: 'declineReason',
      DeclinedBy: 'declinedBy',
      NeedPriority: 'priority',
      ConsentStatus: 'consentStatus',
      ConsentPurpose: 'purpose',
      GrantorType: 'grantorType',
      ConsentObtainedHow: 'obtainedHow',
      RevocationChannel: 'revocationChannel',
      AgencyType: 'agencyType',
      NotificationDelivery: 'notifications.delivery',
      AuditDecision: 'audit.decision',
      AuditProblemCode: 'audit.problem',
      BreakGlassFinding: 'safety.finding',
      BreakGlassEndReason: 'safety.endReason',
      TechnicalAssistanceStatus: 'ta.status',
      TechnicalAssistanceTopic: 'ta.topic',
      TechnicalAssistanceType: 'ta.type',
      TechnicalAssistanceModality: 'ta.modality',
      TechnicalAssistanceUrgency: 'ta.urgency',
      TechnicalAssistancePriority: 'ta.priority',
      TechnicalAssistanceAudience: 'ta.audience',
      TechnicalAssistanceSessionKind: 'ta.sessionKind',
      TechnicalAssistanceScope: 'ta.scope',
      ProtocolCategory: 'protocolCategory',
      ProtocolState: 'protocolState',
      ProtocolVersionState: 'protocolVersionState',
      TaskForceRole: 'taskForceRole',
    };
    const missing: string[] = [];
    for (const [enumName, prefix] of Object.entries(shown)) {
      const type = schema.getType(enumName);
      if (!isEnumType(type)) throw new Error(`${enumName} is not an enum of the schema`);
      for (const { name } of type.getValues()) {
        if (typeof valueOf(en, `${prefix}.${name}`) !== 'string') missing.push(`${prefix}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name every referral action (button, what it does, confirmation, result) and every error code', () => {
    const keys = [
      ...TRANSITION_ACTIONS.flatMap((action) =>
        ['button', 'explain', 'confirm', 'done'].map((part) => `actions.${part}.${action}`),
      ),
      ...[...IRREVERSIBLE].map((action) => `actions.warning.${action}`),
      'actions.done.DRAFT',
      ...ERROR_CODES.map((code) => `errorCode.${code}`),
    ];
    expect(keys.filter((key) => typeof valueOf(en, key) !== 'string')).toEqual([]);
  });

  it('every ReferralAction of the schema is a button or the thread', () => {
    const schema = buildSchema(readFileSync(resolve(src, '../../api/schema.gql'), 'utf8'));
    const type = schema.getType('ReferralAction');
    if (!isEnumType(type)) throw new Error('ReferralAction is not an enum of the schema');
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...TRANSITION_ACTIONS, 'MESSAGE'].sort());
  });

  it('name every technical-assistance action (button, what it does, confirmation, result), each list, and a message for each field the API may refuse', () => {
    const keys = [
      ...TA_TRANSITIONS.flatMap((action) =>
        ['button', 'explain', 'confirm', 'done'].map((part) => `ta.actions.${part}.${action}`),
      ),
      ...[...TA_IRREVERSIBLE].map((action) => `ta.actions.warning.${action}`),
      'ta.actions.done.REQUESTED',
      ...(['MY_TASK_FORCES', 'ASSIGNED_TO_MY_AGENCY', 'REQUESTED_BY_MY_AGENCY'] as const).map(
        (scope) => `ta.list.explain.${scope}`,
      ),
      ...[...Object.values(TA_ACTION_FIELDS).flat(), ...Object.keys(EMPTY_TA_REQUEST), 'idempotencyKey'].map(
        (field) => `ta.problem.${field}`,
      ),
      ...[1, 2, 3, 4, 5].map((rating) => `ta.rating.${rating}`),
    ];
    expect(keys.filter((key) => typeof valueOf(en, key) !== 'string')).toEqual([]);
  });

  it('every TechnicalAssistanceAction of the schema is a button or the thread', () => {
    const schema = buildSchema(readFileSync(resolve(src, '../../api/schema.gql'), 'utf8'));
    const type = schema.getType('TechnicalAssistanceAction');
    if (!isEnumType(type)) throw new Error('TechnicalAssistanceAction is not an enum of the schema');
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...TA_TRANSITIONS, 'MESSAGE'].sort());
  });

  it('every ProtocolAction of the schema is a form (with its button, explanation, confirmation and result) or the editor', () => {
    const schema = buildSchema(readFileSync(resolve(src, '../../api/schema.gql'), 'utf8'));
    const type = schema.getType('ProtocolAction');
    if (!isEnumType(type)) throw new Error('ProtocolAction is not an enum of the schema');
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual([...FORM_ACTIONS, 'UPDATE_DRAFT'].sort());
    const keys = FORM_ACTIONS.flatMap((action) =>
      ['button', 'explain', 'confirm', 'done'].map((part) => `protocolActions.${part}.${action}`),
    );
    expect(keys.filter((key) => typeof valueOf(en, key) !== 'string')).toEqual([]);
  });
});
