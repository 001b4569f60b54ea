import type { ComponentType } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ChatIcon, LightbulbIcon, MicIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { RoomCard, useLiveRoomList } from "../rooms";
import "../rooms/rooms.css";
import { FeaturedThreads } from "../moderation";
import { SignedInHome } from "./signedIn/SignedInHome";
import "./home.css";

const POINTS: { icon: ComponentType; title: MessageKey; body: MessageKey }[] = [
  { icon: LightbulbIcon, title: "home.point.share.title", body: "home.point.share.body" },
  { icon: ChatIcon, title: "home.point.discuss.title", body: "home.point.discuss.body" },
  { icon: MicIcon, title: "home.point.qa.title", body: "home.point.qa.body" },
];

export function HomePage() {
  const t = useT();
  const status = useStore((s) => s.sessionStatus);
  const user = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  usePageTitle(t("home.pageTitle"));
  if (status === "signedIn" && user) return <SignedInHome user={user} />;

  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <p className="hero__eyebrow">{t("home.eyebrow")}</p>
        <h1 id="home-title" className="hero__title">
          {t("home.title")}
        </h1>
        <p className="hero__lead">{t("home.lead")}</p>
        {status === "guest" && (
          <div className="hero__actions">
            <Link to="/register" className={buttonClass("accent")} data-testid="home-register">
              {t("home.cta.register")}
            </Link>
            <Link to="/login" className={buttonClass("on-dark")}>
              {t("home.cta.login")}
            </Link>
          </div>
        )}
      </section>

      <ul className="points">
        {POINTS.map(({ icon: Icon, title, body }) => (
          <li key={title} className="point">
            <span className="point__icon" aria-hidden="true">
              <Icon />
            </span>
            <h2 className="point__title">{t(title)}</h2>
            <p className="point__body">{t(body)}</p>
          </li>
        ))}
      </ul>

      <FeaturedThreads />

      <RoomsSection />
    </div>
  );
}

function RoomsSection() {
  const t = useT();
  const order = useStore((s) => s.roomOrder);
  const status = useStore((s) => s.roomsStatus);
  const loadRooms = useStore((s) => s.loadRooms);
  useLiveRoomList();

  return (
    <section className="rooms-section" aria-labelledby="rooms-title">
      <div className="section-head">
        <h2 id="rooms-title" className="section-title">
          {t("home.rooms.title")}
        </h2>
        <p className="section-lead">{t("home.rooms.lead")}</p>
      </div>
      {order.length > 0 ? (
        <ul className="room-grid">
          {order.map((id) => (
            <RoomCard key={id} id={id} />
          ))}
        </ul>
      ) : status === "idle" || status === "loading" ? (
        <ul className="room-grid" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className="room-card room-card--skeleton" aria-hidden="true">
              <Skeleton width="55%" height="1.1em" />
              <Skeleton width="90%" />
              <Skeleton width="70%" />
            </li>
          ))}
        </ul>
      ) : status === "error" ? (
        <EmptyState
          title={t("home.rooms.error.title")}
          action={
            <Button variant="secondary" onClick={() => void loadRooms()}>
              {t("ui.retry")}
            </Button>
          }
        >
          {t("home.rooms.error.body")}
        </EmptyState>
      ) : (
        <EmptyState title={t("home.rooms.empty.title")}>{t("home.rooms.empty.body")}</EmptyState>
      )}
    </section>
  );
}
