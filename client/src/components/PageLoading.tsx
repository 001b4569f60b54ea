import { useT } from "../lib/i18n";
import { Spinner } from "./Spinner";
import "./PageLoading.css";

/** The whole-page spinner while a page's code or its session check is on the way. */
export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading">
      <Spinner size="lg" label={t("ui.loading")} />
    </div>
  );
}
