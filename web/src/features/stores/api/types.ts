export interface Store {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  role: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoreInput {
  name: string;
  currency?: string;
  timezone?: string;
}
