export const store = new Map<string, number>();
