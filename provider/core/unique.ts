/**
 * Values that at most one resource of a stack may hold (a phone number has
 * one route). Each front door takes the claims of one program run: the
 * dynamic resources in the program's process, the plugin in its `check`.
 */
export class UniqueClaims {
  private readonly owners = new Map<string, string>();

  /** Takes `key` for `owner`; returns the other owner that already holds it, if any. */
  take(key: string, owner: string): string | undefined {
    const holder = this.owners.get(key);
    if (holder !== undefined && holder !== owner) return holder;
    this.owners.set(key, owner);
    return undefined;
  }
}

/** Why a second resource cannot route a number another resource of the stack routes. */
export function sharedNumberReason(phoneNumber: string, resource: string, other: string): string {
  return `${resource} and ${other} both route ${phoneNumber}: a number has one route; remove one of them, or route another number`;
}
