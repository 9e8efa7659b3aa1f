import { AppError } from '../../../server/appError.ts';

/** The AppError code `run` throws, 'no error' if it returns, or 'not an AppError'. */
export function appErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
}
