import { registerEnumType } from '@nestjs/graphql';

export enum DataClass {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  NEEDS = 'NEEDS',
  NARRATIVE = 'NARRATIVE',
  IMMIGRATION = 'IMMIGRATION',
  HEALTH = 'HEALTH',
}
registerEnumType(DataClass, {
  name: 'DataClass',
  description: 'Groups of survivor personal fields a consent grants',
});

export enum ConsentPurpose {
  SERVICE = 'SERVICE',
  INVESTIGATION = 'INVESTIGATION',
}
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'SERVICE: care and services; INVESTIGATION: law enforcement and prosecution',
});

export enum NeedPriority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(NeedPriority, { name: 'NeedPriority' });

export enum AgeBand {
  UNDER_12 = 'UNDER_12',
  AGE_12_17 = 'AGE_12_17',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_34 = 'AGE_25_34',
  AGE_35_49 = 'AGE_35_49',
  AGE_50_PLUS = 'AGE_50_PLUS',
  MINOR_UNKNOWN_AGE = 'MINOR_UNKNOWN_AGE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AgeBand, { name: 'AgeBand', description: 'Not personal: visible wherever the record is' });

export enum GrantorType {
  SELF = 'SELF',
  PARENT = 'PARENT',
  GUARDIAN = 'GUARDIAN',
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
}
registerEnumType(GrantorType, { name: 'GrantorType' });

export enum ConsentObtainedHow {
  WRITTEN = 'WRITTEN',
  E_SIGNATURE = 'E_SIGNATURE',
}
registerEnumType(ConsentObtainedHow, { name: 'ConsentObtainedHow' });

export enum RevocationChannel {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  WRITTEN = 'WRITTEN',
  E_SIGNATURE = 'E_SIGNATURE',
  OTHER = 'OTHER',
}
registerEnumType(RevocationChannel, { name: 'RevocationChannel' });

export enum ConsentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: 'Computed at read time' });
