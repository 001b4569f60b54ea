import { BrowserRouter } from "react-router";
import { AppEffects } from "./AppEffects";
import { AppRoutes } from "./routes";
import "./global.css";

export function App() {
  return (
    <BrowserRouter>
      <AppEffects />
      <AppRoutes />
    </BrowserRouter>
  );
}
