import { createBrowserRouter } from 'react-router-dom';
import { AccountPage } from '@/features/auth/components/account-page';
import { ForgotPasswordPage } from '@/features/auth/components/forgot-password-page';
import { LoginPage } from '@/features/auth/components/login-page';
import { RegisterPage } from '@/features/auth/components/register-page';
import { ResetPasswordPage } from '@/features/auth/components/reset-password-page';
import { AppLayout } from './app-layout';
import { GuestOnly, RequireAuth } from './guards';
import { CreateStoreRoute, HomeRedirect } from './home-redirect';
import { NotFoundPage, RouteErrorPage, ScreenErrorPage } from './not-found';
import { SessionGate, Splash } from './session-gate';
import { StoreLayout } from './store-layout';
import { storeRoutes } from './store-routes';

export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <Splash />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
        ],
      },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                // A screen that cannot open (its code did not load) shows in the layout.
                errorElement: <ScreenErrorPage />,
                children: [
                  { index: true, element: <HomeRedirect /> },
                  { path: 'account', element: <AccountPage /> },
                  {
                    path: 'notifications',
                    lazy: async () => ({
                      Component: (
                        await import('../features/notifications/components/notifications-page')
                      ).NotificationsPage,
                    }),
                  },
                  { path: 'stores/new', element: <CreateStoreRoute /> },
                  {
                    path: 'stores/:storeId',
                    element: <StoreLayout />,
                    // Under the store's tabs, so they stay to go elsewhere.
                    children: [{ errorElement: <ScreenErrorPage />, children: storeRoutes }],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
