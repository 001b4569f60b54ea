import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { Avatar } from "../../components/Avatar";
import { Badge } from "../../components/Badge";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { CalendarIcon, MailIcon, PencilIcon, ShieldIcon } from "../../components/icons";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { isApiError } from "../../lib/api";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { UserAffiliation } from "./UserAffiliation";
import { ProfileVerificationTools } from "../verification";
import { ProfileActivity } from "./ProfileActivity";
import { OfficeMark, RoleBadge } from "./UserBadges";
import "./users.css";

type LoadState = "loading" | "ready" | "notFound" | "error";

/** `/users/:id`: a public profile; one's own adds the email and an edit button. */
export function ProfilePage() {
  const { id = "" } = useParams();
  const t = useT();
  const fmt = useFormat();
  const user = useStore((s) => s.usersById[id]);
  const isSelf = useStore((s) => s.currentUserId === id);
  const fetchUser = useStore((s) => s.fetchUser);
  const [state, setState] = useState<LoadState>(user ? "ready" : "loading");
  const [attempt, setAttempt] = useState(0);
  // Render stays pure: "suspended" is judged against when the page opened.
  const [now] = useState(() => Date.now());
  usePageTitle(user?.name ?? t("shell.user.profile"));

  useEffect(() => {
    const controller = new AbortController();
    // Refresh even when cached; show the cached copy meanwhile.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- shows the loading state only when no cached copy of this user exists
    if (!useStore.getState().usersById[id]) setState("loading");
    fetchUser(id, controller.signal)
      .then(() => setState("ready"))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(e) && (e.code === "NOT_FOUND" || e.status === 400)) setState("notFound");
        else setState(useStore.getState().usersById[id] ? "ready" : "error");
      });
    return () => controller.abort();
  }, [id, fetchUser, attempt]);

  if (state === "notFound") {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("users.profile.notFound.title")}>
          {t("users.profile.notFound.body")}
        </EmptyState>
      </div>
    );
  }
  if (!user) {
    if (state === "error") {
      return (
        <div className="page page--narrow">
          <EmptyState
            as="h1"
            title={t("users.profile.error")}
            action={
              <Button variant="secondary" onClick={() => setAttempt((a) => a + 1)}>
                {t("ui.retry")}
              </Button>
            }
          />
        </div>
      );
    }
    return <ProfileSkeleton />;
  }

  const suspended = user.suspendedUntil && new Date(user.suspendedUntil).getTime() > now;

  return (
    <div className="page page--narrow profile">
      <section className="card profile__card" aria-labelledby="profile-name">
        <div className="profile__banner" aria-hidden="true" />
        <div className="profile__body">
          <Avatar name={user.name} seed={user.id} size="xl" />
          <div className="profile__main">
            <div className="profile__heading">
              <h1 id="profile-name" className="profile__name">
                {user.name}
              </h1>
              <div className="profile__badges">
                <OfficeMark person={user} />
                <RoleBadge role={user.role} />
                {suspended && user.suspendedUntil && (
                  <Badge tone="danger">
                    {t("users.suspendedUntil", { date: fmt.date(user.suspendedUntil) })}
                  </Badge>
                )}
              </div>
            </div>
            <p
              className={user.title ? "profile__title" : "profile__title muted"}
              data-testid="profile-title-text"
            >
              {user.title || t("users.profile.noTitle")}
            </p>
            <ul className="profile__facts">
              <li className="profile__fact">
                <span className="sr-only">{t("users.affiliation.label")}: </span>
                <UserAffiliation affiliation={user.affiliation} />
              </li>
              <li className="profile__fact">
                <CalendarIcon />
                {t("users.joined", { date: fmt.date(user.createdAt) })}
              </li>
              {(isSelf || user.can?.viewEmail) && user.email && (
                <li className="profile__fact">
                  <MailIcon />
                  <span>
                    <span className="sr-only">{t("users.profile.email")}: </span>
                    {user.email}
                    <span className="profile__private"> · {t("users.profile.emailPrivate")}</span>
                  </span>
                </li>
              )}
            </ul>
          </div>
          {!isSelf && <ProfileVerificationTools user={user} />}
          {isSelf && (
            <div className="profile__actions">
              <Link
                to="/profile/edit"
                className={buttonClass("secondary", "md", "profile__edit")}
                data-testid="profile-edit"
              >
                <PencilIcon />
                <span className="btn__label">{t("users.profile.edit")}</span>
              </Link>
              {!user.verified && (
                <Link
                  to="/account#verification"
                  className={buttonClass(user.verification?.status === "pending" ? "ghost" : "primary", "md")}
                  data-testid="profile-verify"
                >
                  <ShieldIcon />
                  <span className="btn__label">
                    {t(
                      user.verification?.status === "pending"
                        ? "verification.profile.pending"
                        : "verification.profile.request",
                    )}
                  </span>
                </Link>
              )}
            </div>
          )}
        </div>
      </section>
      <section className="profile__activity" aria-labelledby="profile-activity">
        <h2 id="profile-activity" className="section-title">
          {t("users.profile.activity")}
        </h2>
        <ProfileActivity userId={user.id} name={user.name} />
      </section>
    </div>
  );
}

function ProfileSkeleton() {
  const t = useT();
  return (
    <div className="page page--narrow profile" aria-busy="true">
      <p className="sr-only" role="status">
        {t("ui.loading")}
      </p>
      <div className="card profile__card">
        <div className="profile__banner" aria-hidden="true" />
        <div className="profile__body">
          <Skeleton width="5.5rem" height="5.5rem" className="skeleton--round" />
          <div className="profile__main">
            <Skeleton width="14rem" height="1.6rem" />
            <SkeletonText lines={2} />
          </div>
        </div>
      </div>
    </div>
  );
}
