import type { EventName } from '@lit/react';

/** `detail` of `cs-data-error`, which every element fires when its data cannot be loaded or read. */
export interface DataErrorDetail {
  /** Why, in words a developer can act on (the field, the record, the HTTP status…). */
  readonly reason: string;
}

/** The `cs-data-error` event name, typed for `createComponent`'s `events`. */
export const dataError = 'cs-data-error' as EventName<CustomEvent<DataErrorDetail>>;
