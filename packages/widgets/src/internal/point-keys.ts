/** What a key press does to the active point of a series: move to an index, select it, or clear it. */
export type PointKeyAction = number | 'select' | 'clear';

/**
 * The keyboard model every element with points shares (charts, the KPI sparkline): ← / → step (from
 * nothing, → starts at the first point and ← at the last), Page Up / Page Down jump a tenth of the
 * points, Home / End go to the ends, Enter or Space select, Escape clears. `undefined`: not our key.
 *
 * @param active the active index, or −1 for none
 */
export function pointKeyAction(key: string, active: number, count: number): PointKeyAction | undefined {
  const from = Math.max(0, active);
  const page = Math.max(1, Math.round(count / 10));
  switch (key) {
    case 'ArrowRight':
      return active < 0 ? 0 : Math.min(count - 1, from + 1);
    case 'ArrowLeft':
      return active < 0 ? count - 1 : Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(count - 1, from + page);
    case 'PageUp':
      return Math.max(0, from - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Enter':
    case ' ':
      return 'select';
    case 'Escape':
      return 'clear';
    default:
      return undefined;
  }
}
