export interface Category {
  id: string;
  name: string;
  description: string | null;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CategoryInput {
  name: string;
  description?: string | null;
}

export type CategorySort = 'name' | 'createdAt' | 'productCount';

export interface CategoryListParams {
  page?: number;
  limit?: number;
  search?: string;
  sort?: CategorySort;
  order?: 'asc' | 'desc';
}
