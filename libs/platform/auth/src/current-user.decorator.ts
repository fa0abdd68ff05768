import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './auth.guard';

/** The verified caller of this request (undefined only on @Public() handlers without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => requestOf(context).caller,
);
