import bcrypt from 'bcryptjs';

const COST = 10;
export const MIN_PASSWORD_LENGTH = 8;

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string): Promise<boolean> => bcrypt.compare(plain, hash);
