import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { RegisterPage } from "../features/auth/RegisterPage";
import { RequireAuth } from "../features/auth/RequireAuth";
import { HomePage } from "../features/home/HomePage";
import { RoomPage } from "../features/rooms/RoomPage";
import { AppShell } from "../features/shell/AppShell";
import { NotFoundPage } from "../features/shell/NotFoundPage";
import { ProfilePage } from "../features/users/ProfilePage";
import { useStore } from "../store";

// Pages few people open load on demand, keeping the first download small on slow connections.
const EditProfilePage = lazy(() => import("../features/users/EditProfilePage").then((m) => ({ default: m.EditProfilePage })));
const AdminUsersPage = lazy(() => import("../features/admin/AdminUsersPage").then((m) => ({ default: m.AdminUsersPage })));

function OwnProfileRedirect() {
  const id = useStore((s) => s.currentUserId);
  return id ? <Navigate to={`/users/${encodeURIComponent(id)}`} replace /> : null;
}

/**
 * Every route of the app. Paths stay stable for links and end-to-end tests:
 * `/`, `/login`, `/register`, `/rooms/:slug`, `/users/:id`, `/profile`, `/profile/edit`, `/admin/users`.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="rooms/:slug" element={<RoomPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
