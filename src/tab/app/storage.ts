/** localStorage that never throws (it can be blocked in iframes or private windows). */
export const preferences = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(`mutual.${key}`);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(`mutual.${key}`, value);
    } catch {
      // Not persisted: the choice still holds for this page.
    }
  },
};
