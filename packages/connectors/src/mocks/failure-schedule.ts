/** Which requests a failure handler fails. */
export interface FailureSchedule {
  /** How many requests fail, the first ones, before the next handler answers again (default 1). */
  readonly times?: number;
  /**
   * A storm instead: every `every`-th request fails (2: every other one), for as long as the handler is
   * in use, so a sync meets failures on every page, not only at its start. Overrides `times`.
   */
  readonly every?: number;
}

/**
 * A predicate that says, request by request, whether this one fails: the first `times`, or every
 * `every`-th.
 *
 * @throws RangeError when `every` is not an integer of at least 1.
 */
export function failureSchedule(schedule: FailureSchedule): () => boolean {
  const { every } = schedule;
  if (every !== undefined) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`every must be an integer >= 1, got ${every}`);
    let seen = 0;
    return () => ++seen % every === 0;
  }
  let left = schedule.times ?? 1;
  return () => {
    if (left <= 0) return false;
    left -= 1;
    return true;
  };
}
