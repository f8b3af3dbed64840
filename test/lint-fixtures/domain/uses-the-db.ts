// A domain rule reaching into the database layer.
import { store } from '../db/store.js';

export const saved = (): number => store.size;
