import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { SessionProvider, useSession } from './session';
import { MeProvider } from './me';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from '../components/Layout';
import { SignInPage } from '../features/auth/SignInPage';
import { SchedulePage } from '../features/schedule/SchedulePage';

// The schedule board is the home screen; the other screens load when first opened.
const DirectoryPage = lazy(() =>
  import('../features/directory/DirectoryPage').then((m) => ({ default: m.DirectoryPage })),
);
const HotlinesPage = lazy(() => import('../features/hotlines/HotlinesPage').then((m) => ({ default: m.HotlinesPage })));
const HotlineSettingsPage = lazy(() =>
  import('../features/hotlines/HotlineSettingsPage').then((m) => ({ default: m.HotlineSettingsPage })),
);
const AccountPage = lazy(() => import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })));
// Pages reachable without a session (links in e-mails, forgotten password, sign-up).
const AcceptInvitationPage = lazy(() =>
  import('../features/account/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/account/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/account/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const VerifyEmailPage = lazy(() =>
  import('../features/account/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })),
);
const SignUpPage = lazy(() => import('../features/account/SignUpPage').then((m) => ({ default: m.SignUpPage })));

function Screen({ children }: { children: ReactNode }) {
  return (
    <Layout>
      <Suspense
        fallback={
          <Center p="xl">
            <Loader aria-label="Loading" />
          </Center>
        }
      >
        {children}
      </Suspense>
    </Layout>
  );
}

function PublicScreen({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center mih="100vh">
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

function SignedInRoutes() {
  return (
    <MeProvider>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route
          path="/hotlines/:hotlineId/schedule"
          element={
            <Screen>
              <SchedulePage />
            </Screen>
          }
        />
        <Route
          path="/directory"
          element={
            <Screen>
              <DirectoryPage />
            </Screen>
          }
        />
        <Route
          path="/hotlines"
          element={
            <Screen>
              <HotlinesPage />
            </Screen>
          }
        />
        <Route
          path="/hotlines/:hotlineId/settings"
          element={
            <Screen>
              <HotlineSettingsPage />
            </Screen>
          }
        />
        <Route
          path="/account"
          element={
            <Screen>
              <AccountPage />
            </Screen>
          }
        />
        <Route path="*" element={<HomeRedirect />} />
      </Routes>
    </MeProvider>
  );
}

function Gate() {
  const { session } = useSession();
  return session ? <SignedInRoutes key={session.token} /> : <SignInPage />;
}

/** The public pages render with or without a session; everything else is behind the sign-in gate. */
function PublicRoutes() {
  return (
    <Routes>
      <Route
        path="/accept-invitation"
        element={
          <PublicScreen>
            <AcceptInvitationPage />
          </PublicScreen>
        }
      />
      <Route
        path="/forgot-password"
        element={
          <PublicScreen>
            <ForgotPasswordPage />
          </PublicScreen>
        }
      />
      <Route
        path="/reset-password"
        element={
          <PublicScreen>
            <ResetPasswordPage />
          </PublicScreen>
        }
      />
      <Route
        path="/verify-email"
        element={
          <PublicScreen>
            <VerifyEmailPage />
          </PublicScreen>
        }
      />
      <Route
        path="/sign-up"
        element={
          <PublicScreen>
            <SignUpPage />
          </PublicScreen>
        }
      />
      <Route path="*" element={<Gate />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <PublicRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
