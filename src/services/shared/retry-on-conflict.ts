import { isDomainError } from '../../core/errors';

/**
 * Runs a read-modify-write again when another writer got there first. The body must re-read what
 * it changes, so each attempt works on fresh data and its ETag.
 */
export async function retryOnConflict<T>(body: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await body();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= attempts) throw error;
    }
  }
}
