import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { AppEffects } from "../app/AppEffects";
import { Toaster } from "../components/Toaster";

/** Shows the current path so tests can assert navigation. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/**
 * Renders `element` at `path` (a route pattern like `/users/:id`) with the URL `url`, inside a
 * memory router, plus a catch-all route so navigations away can be observed.
 */
export function renderRoute(
  element: ReactElement,
  { path = "/", url = path }: { path?: string; url?: string } = {},
) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path={path} element={element} />
        <Route path="*" element={null} />
      </Routes>
      <LocationProbe />
      <Toaster />
    </MemoryRouter>,
  );
}

/** Renders the whole app (shell, routes, effects) at `url`. */
export async function renderApp(url = "/") {
  const { AppRoutes, preloadRoute } = await import("../app/routes");
  // As the app does before its first render, so a page's code is here when the test looks for it.
  await preloadRoute(new URL(url, "http://rembuk.test").pathname);
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AppEffects />
      <AppRoutes />
      <LocationProbe />
    </MemoryRouter>,
  );
}
