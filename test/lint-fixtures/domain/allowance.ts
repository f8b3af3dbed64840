export const allowanceFen = (standardFen: number, incomeFen: number): number => Math.max(0, standardFen - incomeFen);
