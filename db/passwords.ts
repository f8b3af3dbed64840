import bcrypt from 'bcryptjs';

// How a password is kept: only its bcrypt hash, in users.password_hash. Seeds, the API's sign-in
// and its password changes all store and check it this way.
const COST = 10;

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string): Promise<boolean> => bcrypt.compare(plain, hash);
