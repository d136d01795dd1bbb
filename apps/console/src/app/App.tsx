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
const DirectoryPage = lazy(() => import('../features/directory/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const HotlinesPage = lazy(() => import('../features/hotlines/HotlinesPage').then((m) => ({ default: m.HotlinesPage })));
const HotlineSettingsPage = lazy(() => import('../features/hotlines/HotlineSettingsPage').then((m) => ({ default: m.HotlineSettingsPage })));

function Screen({ children }: { children: ReactNode }) {
  return (
    <Layout>
      <Suspense fallback={<Center p="xl"><Loader aria-label="Loading" /></Center>}>{children}</Suspense>
    </Layout>
  );
}

function SignedInRoutes() {
  return (
    <MeProvider>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/hotlines/:hotlineId/schedule" element={<Screen><SchedulePage /></Screen>} />
        <Route path="/directory" element={<Screen><DirectoryPage /></Screen>} />
        <Route path="/hotlines" element={<Screen><HotlinesPage /></Screen>} />
        <Route path="/hotlines/:hotlineId/settings" element={<Screen><HotlineSettingsPage /></Screen>} />
        <Route path="*" element={<HomeRedirect />} />
      </Routes>
    </MeProvider>
  );
}

function Gate() {
  const { session } = useSession();
  return session ? <SignedInRoutes key={session.token} /> : <SignInPage />;
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </BrowserRouter>
  );
}
