export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
  hasNext: boolean;
  hasPrev: boolean;
}

/** A page of a list: the rows and where they sit in the whole list. */
export interface Paged<T> {
  items: T[];
  pagination: Pagination;
}

export interface SuccessEnvelope<T> {
  success: true;
  data: T;
  pagination?: Pagination;
  meta: { requestId: string; timestamp: string };
}

export interface ErrorDetail {
  field: string;
  message: string;
  code: string;
}

export interface ErrorEnvelope {
  success: false;
  error: {
    code: string;
    message: string;
    statusCode: number;
    details?: ErrorDetail[];
    requestId?: string;
  };
}

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** What register, login, refresh and change-password answer. */
export interface AuthSession {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface NamedRef {
  id: string;
  name: string;
}
