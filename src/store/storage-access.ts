import type { TokenCredential } from '@azure/identity';

/** Where the tables and the queue live. */
export type StorageAccess =
  /** The emulator's, or an account key's. */
  | { connectionString: string }
  /** An account's https endpoints, with an Entra token (a managed identity): no key anywhere. */
  | { tableUrl: string; queueUrl: string; credential: TokenCredential };
