import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { RequireAuth } from "../features/auth";
import { HomePage } from "../features/home";
import { AppShell } from "../features/shell";
import { useStore } from "../store";
import { SearchPage } from "../features/search";

// Every page but the home page loads on demand, keeping the first download small on slow
// connections. The pages people land on from a link also start loading before the first render
// (`preloadRoute`), beside the dictionary, instead of one after the other.
const loadThreadPage = () => import("../features/threads/ThreadPage");
const loadDirectoryPage = () => import("../features/practices/DirectoryPage");
const loadRoomPage = () => import("../features/rooms/RoomPage");
const loadRoomListPage = () => import("../features/rooms/RoomListPage");
const loadLoginPage = () => import("../features/auth/LoginPage");

const ThreadPage = lazy(() => loadThreadPage().then((m) => ({ default: m.ThreadPage })));
const RoomPage = lazy(() => loadRoomPage().then((m) => ({ default: m.RoomPage })));
const RoomListPage = lazy(() => loadRoomListPage().then((m) => ({ default: m.RoomListPage })));
const LoginPage = lazy(() => loadLoginPage().then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() =>
  import("../features/auth/RegisterPage").then((m) => ({ default: m.RegisterPage })),
);
const ProfilePage = lazy(() =>
  import("../features/users/ProfilePage").then((m) => ({ default: m.ProfilePage })),
);
const NotFoundPage = lazy(() =>
  import("../features/shell/NotFoundPage").then((m) => ({ default: m.NotFoundPage })),
);
const EditProfilePage = lazy(() =>
  import("../features/users/EditProfilePage").then((m) => ({ default: m.EditProfilePage })),
);
const QaSessionPage = lazy(() =>
  import("../features/qa/QaSessionPage").then((m) => ({ default: m.QaSessionPage })),
);
const QaHubPage = lazy(() => import("../features/qa/QaHubPage").then((m) => ({ default: m.QaHubPage })));
const QaJoinPage = lazy(() => import("../features/qa/QaJoinPage").then((m) => ({ default: m.QaJoinPage })));
const QaProjectorPage = lazy(() =>
  import("../features/qa/QaProjectorPage").then((m) => ({ default: m.QaProjectorPage })),
);
const QaAnalyticsPage = lazy(() =>
  import("../features/qa/QaAnalyticsPage").then((m) => ({ default: m.QaAnalyticsPage })),
);
const AdminRoomsPage = lazy(() =>
  import("../features/rooms/AdminRoomsPage").then((m) => ({ default: m.AdminRoomsPage })),
);
const AdminUsersPage = lazy(() =>
  import("../features/admin/AdminUsersPage").then((m) => ({ default: m.AdminUsersPage })),
);
const SynonymsPage = lazy(() =>
  import("../features/search/SynonymsPage").then((m) => ({ default: m.SynonymsPage })),
);
const DirectoryPage = lazy(() => loadDirectoryPage().then((m) => ({ default: m.DirectoryPage })));
const PracticePage = lazy(() =>
  import("../features/practices/PracticePage").then((m) => ({ default: m.PracticePage })),
);
const PracticeFormPage = lazy(() =>
  import("../features/practices/PracticeFormPage").then((m) => ({ default: m.PracticeFormPage })),
);
const RegionPage = lazy(() =>
  import("../features/practices/RegionPage").then((m) => ({ default: m.RegionPage })),
);
const DashboardPage = lazy(() =>
  import("../features/practices/DashboardPage").then((m) => ({ default: m.DashboardPage })),
);
const AccountPage = lazy(() =>
  import("../features/account/AccountPage").then((m) => ({ default: m.AccountPage })),
);
const ConfirmEmailPage = lazy(() =>
  import("../features/account/ConfirmEmailPage").then((m) => ({ default: m.ConfirmEmailPage })),
);
const ForgotPasswordPage = lazy(() =>
  import("../features/account/ForgotPasswordPage").then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import("../features/account/ResetPasswordPage").then((m) => ({ default: m.ResetPasswordPage })),
);
const OutboxPage = lazy(() =>
  import("../features/outbox/OutboxPage").then((m) => ({ default: m.OutboxPage })),
);
const NotificationsPage = lazy(() =>
  import("../features/notifications/NotificationsPage").then((m) => ({ default: m.NotificationsPage })),
);
const ModerationPage = lazy(() =>
  import("../features/moderation/ModerationPage").then((m) => ({ default: m.ModerationPage })),
);

/** Starts fetching the code of the page at `path`, for the landing pages people open from links. */
export function preloadRoute(path: string): Promise<unknown> {
  const loader = /^\/threads\/[^/]+\/?$/.test(path)
    ? loadThreadPage
    : /^\/practices\/?$/.test(path)
      ? loadDirectoryPage
      : /^\/rooms\/[^/]+\/?$/.test(path)
        ? loadRoomPage
        : /^\/rooms\/?$/.test(path)
          ? loadRoomListPage
          : /^\/login\/?$/.test(path)
            ? loadLoginPage
            : null;
  // A failed fetch (offline) is retried, and reported, when the page itself renders.
  return loader ? loader().catch(() => undefined) : Promise.resolve();
}

function OwnProfileRedirect() {
  const id = useStore((s) => s.currentUserId);
  return id ? <Navigate to={`/users/${encodeURIComponent(id)}`} replace /> : null;
}

/**
 * Every route of the app. Paths stay stable for links and end-to-end tests:
 * `/`, `/login`, `/register`, `/rooms`, `/rooms/:slug`, `/threads/:id`, `/admin/rooms`, `/users/:id`, `/profile`, `/profile/edit`, `/admin/users`,
 * `/qa`, `/qa/join/:code`, `/qa/code/:code`, `/qa/:id`, `/qa/:id/projector`, `/qa/:id/analytics`, `/practices`, `/practices/new`,
 * `/practices/:id`, `/practices/:id/edit`, `/threads/:threadId/promote`, `/regions/:code`, `/dashboard`, `/account`,
 * `/confirm-email?token=`, `/forgot-password`, `/reset-password?token=` (the last three are the links in mail), `/admin/outbox`,
 * `/notifications`, `/account/notifications` (the settings link in notification mail: the account page at that section).
 * `/search`, `/admin/synonyms`.
 */
export function AppRoutes() {
  return (
    <Routes>
      {/* The projector view fills the screen: no header, no navigation. */}
      <Route
        path="qa/:id/projector"
        element={
          <Suspense fallback={null}>
            <QaProjectorPage />
          </Suspense>
        }
      />
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="account/notifications"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/outbox"
          element={
            <RequireAuth>
              <OutboxPage />
            </RequireAuth>
          }
        />
        <Route path="rooms" element={<RoomListPage />} />
        <Route path="rooms/:slug" element={<RoomPage />} />
        <Route path="threads/:id" element={<ThreadPage />} />
        <Route path="qa" element={<QaHubPage />} />
        <Route path="qa/join/:code" element={<QaJoinPage />} />
        <Route path="qa/code/:code" element={<QaJoinPage />} />
        <Route path="qa/:id" element={<QaSessionPage />} />
        <Route path="qa/:id/analytics" element={<QaAnalyticsPage />} />
        <Route path="users/:id" element={<ProfilePage />} />
        <Route
          path="profile"
          element={
            <RequireAuth>
              <OwnProfileRedirect />
            </RequireAuth>
          }
        />
        <Route
          path="profile/edit"
          element={
            <RequireAuth>
              <EditProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireAuth>
              <AdminUsersPage />
            </RequireAuth>
          }
        />
        <Route
          path="moderation"
          element={
            <RequireAuth>
              <ModerationPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/rooms"
          element={
            <RequireAuth>
              <AdminRoomsPage />
            </RequireAuth>
          }
        />
        <Route path="search" element={<SearchPage />} />
        <Route
          path="admin/synonyms"
          element={
            <RequireAuth>
              <SynonymsPage />
            </RequireAuth>
          }
        />
        <Route path="practices" element={<DirectoryPage />} />
        <Route
          path="practices/new"
          element={
            <RequireAuth>
              <PracticeFormPage />
            </RequireAuth>
          }
        />
        <Route path="practices/:id" element={<PracticePage />} />
        <Route
          path="practices/:id/edit"
          element={
            <RequireAuth>
              <PracticeFormPage />
            </RequireAuth>
          }
        />
        <Route
          path="threads/:threadId/promote"
          element={
            <RequireAuth>
              <PracticeFormPage />
            </RequireAuth>
          }
        />
        <Route path="regions/:code" element={<RegionPage />} />
        <Route
          path="dashboard"
          element={
            <RequireAuth>
              <DashboardPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
