import type { RouteObject } from 'react-router-dom';
import { MembersPage } from '@/features/members/components/members-page';
import { StoreSettingsPage } from '@/features/stores/components/store-settings-page';

// The store's screens load on first visit (each feature is its own chunk), so signing in
// does not download the catalogue, till and dashboard code up front.
export const storeRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({
      Component: (await import('./routes/dashboard-route')).DashboardRoute,
    }),
  },
  {
    path: 'products',
    lazy: async () => ({
      Component: (await import('../features/products/components/products-page')).ProductsPage,
    }),
  },
  {
    path: 'products/new',
    lazy: async () => ({
      Component: (await import('../features/products/components/product-form-page')).NewProductPage,
    }),
  },
  {
    path: 'products/import',
    lazy: async () => ({
      Component: (await import('../features/products/components/import-page')).ImportPage,
    }),
  },
  {
    path: 'products/:productId',
    lazy: async () => ({
      Component: (await import('./routes/product-detail-route')).ProductDetailRoute,
    }),
  },
  {
    path: 'products/:productId/edit',
    lazy: async () => ({
      Component: (await import('./routes/edit-product-route')).EditProductRoute,
    }),
  },
  {
    path: 'counts',
    lazy: async () => ({
      Component: (await import('../features/counts/components/count-sessions-page'))
        .CountSessionsPage,
    }),
  },
  {
    path: 'counts/:sessionId',
    lazy: async () => ({
      Component: (await import('../features/counts/components/count-session-page'))
        .CountSessionPage,
    }),
  },
  {
    path: 'counts/:sessionId/review',
    lazy: async () => ({
      Component: (await import('../features/counts/components/count-review-page')).CountReviewPage,
    }),
  },
  {
    path: 'invoices',
    lazy: async () => ({
      Component: (await import('../features/invoices/components/invoices-page')).InvoicesPage,
    }),
  },
  {
    path: 'invoices/:invoiceId',
    lazy: async () => ({
      Component: (await import('../features/invoices/components/invoice-review-page'))
        .InvoiceReviewPage,
    }),
  },
  {
    path: 'sales',
    lazy: async () => ({
      Component: (await import('../features/sales/components/sales-page')).SalesPage,
    }),
  },
  {
    path: 'sales/new',
    lazy: async () => ({
      Component: (await import('../features/sales/components/quick-sale-page')).QuickSalePage,
    }),
  },
  {
    path: 'sales/:saleId',
    lazy: async () => ({
      Component: (await import('../features/sales/components/sale-detail-page')).SaleDetailPage,
    }),
  },
  {
    path: 'sales/:saleId/receipt',
    lazy: async () => ({
      Component: (await import('../features/sales/components/receipt-page')).ReceiptPage,
    }),
  },
  {
    path: 'cash-up',
    lazy: async () => ({
      Component: (await import('../features/sales/components/cash-up-page')).CashUpPage,
    }),
  },
  {
    path: 'checkout',
    lazy: async () => ({
      Component: (await import('../features/sales/components/checkout-settings-page'))
        .CheckoutSettingsPage,
    }),
  },
  {
    path: 'refunds/:refundId',
    lazy: async () => ({
      Component: (await import('../features/sales/components/refund-page')).RefundPage,
    }),
  },
  {
    path: 'purchase-orders',
    lazy: async () => ({
      Component: (await import('../features/purchase-orders/components/purchase-orders-page'))
        .PurchaseOrdersPage,
    }),
  },
  {
    path: 'purchase-orders/new',
    lazy: async () => ({
      Component: (await import('../features/purchase-orders/components/new-purchase-order-page'))
        .NewPurchaseOrderPage,
    }),
  },
  {
    path: 'purchase-orders/:orderId/edit',
    lazy: async () => ({
      Component: (await import('../features/purchase-orders/components/edit-purchase-order-page'))
        .EditPurchaseOrderPage,
    }),
  },
  {
    path: 'purchase-orders/:orderId',
    lazy: async () => ({
      Component: (await import('./routes/purchase-order-detail-route')).PurchaseOrderDetailRoute,
    }),
  },
  {
    path: 'transfers',
    lazy: async () => ({
      Component: (await import('../features/transfers/components/transfers-page')).TransfersPage,
    }),
  },
  {
    path: 'transfers/new',
    lazy: async () => ({
      Component: (await import('./routes/new-transfer-route')).NewTransferRoute,
    }),
  },
  {
    path: 'transfers/:transferId',
    lazy: async () => ({
      Component: (await import('../features/transfers/components/transfer-detail-page'))
        .TransferDetailPage,
    }),
  },
  {
    path: 'categories',
    lazy: async () => ({
      Component: (await import('../features/categories/components/categories-page')).CategoriesPage,
    }),
  },
  {
    path: 'suppliers',
    lazy: async () => ({
      Component: (await import('../features/suppliers/components/suppliers-page')).SuppliersPage,
    }),
  },
  {
    path: 'suppliers/:supplierId',
    lazy: async () => ({
      Component: (await import('../features/suppliers/components/supplier-detail-page'))
        .SupplierDetailPage,
    }),
  },
  {
    path: 'shopping-lists',
    lazy: async () => ({
      Component: (await import('../features/shopping-lists/components/shopping-lists-page'))
        .ShoppingListsPage,
    }),
  },
  {
    path: 'shopping-lists/new',
    lazy: async () => ({
      Component: (await import('../features/shopping-lists/components/generate-list-page'))
        .GenerateListPage,
    }),
  },
  {
    path: 'shopping-lists/:listId',
    lazy: async () => ({
      Component: (await import('../features/shopping-lists/components/shopping-list-page'))
        .ShoppingListPage,
    }),
  },
  {
    path: 'alerts',
    lazy: async () => ({
      Component: (await import('../features/alerts/components/alerts-page')).AlertsPage,
    }),
  },
  {
    path: 'jobs/:jobId',
    lazy: async () => ({
      Component: (await import('../features/jobs/components/job-page')).JobPage,
    }),
  },
  {
    path: 'anomalies',
    lazy: async () => ({
      Component: (await import('../features/forecasting/components/anomalies-page')).AnomaliesPage,
    }),
  },
  {
    path: 'reports',
    lazy: async () => ({
      Component: (await import('./routes/reports-route')).ReportsRoute,
    }),
  },
  {
    path: 'reports/custom',
    lazy: async () => ({
      Component: (await import('../features/reports/components/custom-report-page'))
        .CustomReportPage,
    }),
  },
  { path: 'members', element: <MembersPage /> },
  { path: 'settings', element: <StoreSettingsPage /> },
];
