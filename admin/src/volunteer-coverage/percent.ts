/** 0.0123 → "1.23%". */
export const percent = (ratio: number): string => `${(Math.round(ratio * 10_000) / 100).toFixed(2)}%`;
