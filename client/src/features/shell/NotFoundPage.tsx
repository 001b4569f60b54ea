import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { useT } from "../../lib/i18n";

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t("shell.notFound.title"));
  return (
    <div className="page page--narrow">
      <EmptyState
        as="h1"
        title={t("shell.notFound.title")}
        action={
          <Link to="/" className={buttonClass("primary")}>
            {t("shell.notFound.home")}
          </Link>
        }
      >
        {t("shell.notFound.body")}
      </EmptyState>
    </div>
  );
}
