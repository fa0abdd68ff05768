import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hub:isPublic';

/** Opens one resolver or route to callers without a token; everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
