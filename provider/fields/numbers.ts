/** Values of a number's `permissions` (on a service, or on a fax-to-email address). */
export const NUMBER_PERMISSIONS = ["both", "send", "receive"] as const;
