/**
 * The series colours: the Okabe–Ito colour-blind-safe hues (blue, vermillion, bluish green, reddish
 * purple, orange, grey, yellow), darkened for light backgrounds and lightened for dark ones so that
 * each reaches a contrast of at least 4.5:1 against the default surface (#ffffff / #161b22) — enough
 * for text drawn in the colour, and well above the 3:1 that WCAG 1.4.11 asks of graphics. Lines also
 * differ by dash pattern, so no series is told apart by colour alone.
 */
export const LIGHT_SERIES = ['#0072b2', '#b54b00', '#00795a', '#a94f82', '#8a6700', '#5c5c5c', '#6b6b00'] as const;
export const DARK_SERIES = ['#56b4e9', '#f07a33', '#2fbf8f', '#e08dbb', '#e69f00', '#b0b8c1', '#f0e442'] as const;

/** Number of distinct series colours; series beyond it reuse them with another dash pattern. */
export const SERIES_COLOURS = LIGHT_SERIES.length;

/** Named roles some charts give to palette slots (1-based, as in `--cs-series-N`). */
export const SLOT = { blue: 1, vermillion: 2, green: 3, purple: 4, orange: 5, grey: 6, yellow: 7 } as const;
