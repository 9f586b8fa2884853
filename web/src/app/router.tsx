import { createBrowserRouter } from 'react-router-dom';
import { AccountPage } from '../features/auth/components/account-page';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RegisterPage } from '../features/auth/components/register-page';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page';
import { MembersPage } from '../features/members/components/members-page';
import { StoreDashboardPage } from '../features/stores/components/store-dashboard-page';
import { StoreSettingsPage } from '../features/stores/components/store-settings-page';
import { AppLayout } from './app-layout';
import { GuestOnly, RequireAuth } from './guards';
import { CreateStoreRoute, HomeRedirect } from './home-redirect';
import { NotFoundPage, RouteErrorPage } from './not-found';
import { SessionGate } from './session-gate';
import { StoreLayout } from './store-layout';

export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteErrorPage />,
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
              { index: true, element: <HomeRedirect /> },
              { path: 'account', element: <AccountPage /> },
              { path: 'stores/new', element: <CreateStoreRoute /> },
              {
                path: 'stores/:storeId',
                element: <StoreLayout />,
                children: [
                  { index: true, element: <StoreDashboardPage /> },
                  { path: 'members', element: <MembersPage /> },
                  { path: 'settings', element: <StoreSettingsPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
