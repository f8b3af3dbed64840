import type { RaRecord } from 'react-admin';

export interface Employer extends RaRecord {
  id: number;
  name: string;
  streetId: number;
  streetName: string;
  address: string;
  contact: string;
  phone: string;
  /** Open openings. */
  openings: number;
  placesLeft: number;
}
