/** A stored value with the ETag its next update must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
