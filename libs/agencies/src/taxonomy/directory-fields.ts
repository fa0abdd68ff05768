import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayUnique, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { IsLanguageCode } from './is-language-code.validator';

/**
 * The one set of rules for what a directory entry holds — an agency's profile, a hotline, a row of
 * an imported HSDS file: each helper is the class-validator constraints of one kind of field, so a
 * limit changes in one place for every input that carries it (the columns' CHECKs agree).
 */

/** Digits with the usual separators, an optional leading +; 3–40 characters. */
export const PHONE_NUMBER = /^\+?[0-9 ()./-]{3,40}$/;

/** A name shown in the directory: 1–200 characters. */
export const DirectoryName = () => applyDecorators(IsString(), MinLength(1), MaxLength(200));

/** A free-text description: up to 2,000 characters. */
export const DirectoryDescription = () => applyDecorators(IsString(), MaxLength(2000));

/** Opening hours as people write them ("Mon–Fri 9–5", "24/7"): up to 200 characters. */
export const DirectoryHours = () => applyDecorators(IsString(), MaxLength(200));

/** A phone number (PHONE_NUMBER). */
export const DirectoryPhone = () => Matches(PHONE_NUMBER, { message: '$property must be a phone number' });

/** An http(s) address: up to 500 characters. */
export const DirectoryUrl = () =>
  applyDecorators(IsUrl({ protocols: ['http', 'https'], require_protocol: true }), MaxLength(500));

/** ISO 639-1 codes, each once, at most 50. */
export const DirectoryLanguages = () =>
  applyDecorators(IsLanguageCode({ each: true }), ArrayUnique(), ArrayMaxSize(50));

/** Service areas: place names of 1–100 characters, at most 50. */
export const DirectoryServiceAreas = () =>
  applyDecorators(
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(100, { each: true }),
    ArrayMaxSize(50),
  );
