import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { threadCommands, type PostDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../lib/i18n";
import { send } from "../../lib/send";
import { useStore } from "../../store";
import { PracticeForm } from "./form/PracticeForm";
import type { PracticeFormMode } from "./form/usePracticeForm";
import { practiceIdFrom } from "./practice.form";
import { practiceSelectors } from "./practices.slice";
import "./practices.css";

/**
 * `/practices/new` (optionally `?from=<id>` for an adaptation, `?room=<slug>`), `/practices/:id/edit`,
 * and `/threads/:threadId/promote` (a moderator turns a discussion into a practice record). This page
 * loads what the form starts from and says who may use it; the form itself lives in `form/`.
 */
export function PracticeFormPage() {
  const { id, threadId: promoteId } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const existing = useStore(practiceSelectors.byId(id));
  const loadPage = useStore((s) => s.loadPracticePage);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const discussion = useStore((s) => (promoteId ? s.threadsById[promoteId] : undefined));
  const loadThread = useStore((s) => s.loadThread);
  const me = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  const [sourcePosts, setSourcePosts] = useState<PostDto[]>([]);
  const fromId = params.get("from") ?? "";
  const from = practiceIdFrom(fromId);
  const parent = useStore(practiceSelectors.byId(from || undefined));
  const editing = id !== undefined;
  const promoting = promoteId !== undefined;
  const heading = editing
    ? "practices.form.editTitle"
    : promoting
      ? "practices.promote.title"
      : "practices.form.newTitle";
  usePageTitle(t(heading));

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);
  useEffect(() => {
    if (id) void loadPage(id);
  }, [id, loadPage]);
  // Promoting: the discussion and its replies (the ones the record may cite).
  useEffect(() => {
    if (!promoteId) return;
    void loadThread(promoteId).catch(() => undefined);
    send(threadCommands.posts, { id: promoteId, afterSeq: 0, limit: 100 }).then(
      (page) => setSourcePosts(page.posts.filter((p) => !p.deleted && p.seq > 1)),
      () => setSourcePosts([]),
    );
  }, [promoteId, loadThread]);
  useEffect(() => {
    if (from && !parent) void loadPage(from);
  }, [from, parent, loadPage]);

  if (!me) {
    return (
      <div className="page page--narrow">
        <EmptyState
          as="h1"
          title={t("practices.form.signIn")}
          action={
            <Link to={`/login?next=${encodeURIComponent("/practices/new")}`}>{t("rooms.signIn.action")}</Link>
          }
        />
      </div>
    );
  }
  // A copy from the directory has no abilities yet: the page's own load brings them (the server refuses anyway).
  if (editing && existing?.can && !existing.can.editPractice) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("practices.form.forbidden")} />
      </div>
    );
  }
  // The edit form starts from the saved record, once it is here.
  if (editing && !existing) {
    return (
      <div className="page page--narrow">
        <Spinner label={t("ui.loading")} />
      </div>
    );
  }

  const mode: PracticeFormMode =
    id && existing
      ? { kind: "edit", id, record: existing }
      : promoteId
        ? { kind: "promote", threadId: promoteId }
        : { kind: "new", room: params.get("room") ?? "", from: fromId };
  const savedFrom = existing?.practice.derivedFrom;
  const known = parent
    ? { id: parent.id, title: parent.title }
    : savedFrom
      ? { id: savedFrom, title: savedFrom }
      : null;

  return (
    <div className="page page--narrow practice-form-page">
      <header className="page-header">
        <h1 className="page-title">{t(heading)}</h1>
        <p className="page-lead">
          {promoting
            ? t("practices.promote.lead", { title: discussion?.title ?? "…" })
            : t(editing ? "practices.form.editLead" : "practices.form.newLead")}
        </p>
      </header>
      <PracticeForm
        key={id ?? promoteId ?? "new"}
        mode={mode}
        me={me}
        known={known}
        sourcePosts={sourcePosts}
      />
    </div>
  );
}
