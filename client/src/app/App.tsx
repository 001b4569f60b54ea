import { BrowserRouter } from "react-router";
import { AppEffects } from "./AppEffects";
import { OfflineNotice } from "./OfflineNotice";
import { AppRoutes } from "./routes";
import "./global.css";

export function App() {
  return (
    <BrowserRouter>
      <AppEffects />
      <OfflineNotice />
      <AppRoutes />
    </BrowserRouter>
  );
}
