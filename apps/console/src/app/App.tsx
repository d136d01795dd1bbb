import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './session';
import { MeProvider } from './me';
import { HomeRedirect } from './HomeRedirect';
import { Layout } from '../components/Layout';
import { SignInPage } from '../features/auth/SignInPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { HotlinesPage } from '../features/hotlines/HotlinesPage';
import { HotlineSettingsPage } from '../features/hotlines/HotlineSettingsPage';

function SignedInRoutes() {
  return (
    <MeProvider>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/hotlines/:hotlineId/schedule" element={<Layout><SchedulePage /></Layout>} />
        <Route path="/directory" element={<Layout><DirectoryPage /></Layout>} />
        <Route path="/hotlines" element={<Layout><HotlinesPage /></Layout>} />
        <Route path="/hotlines/:hotlineId/settings" element={<Layout><HotlineSettingsPage /></Layout>} />
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
