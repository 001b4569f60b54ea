import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { Button } from "../../components/Button";
import { useT } from "../../lib/i18n";
import "./search.css";

/** The practice directory's search field: full-text search over practices, on the results page. */
export function DirectorySearch() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) void navigate(`/search?kind=practice&q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" className="directory-search" onSubmit={onSubmit}>
      <input
        type="search"
        aria-label={t("search.directory.label")}
        placeholder={t("search.directory.placeholder")}
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
        data-testid="directory-search"
      />
      <Button type="submit" variant="secondary">
        {t("search.box.submit")}
      </Button>
    </form>
  );
}
