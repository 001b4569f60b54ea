import { Link } from "react-router";
import type { UserSummaryDto } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { useT } from "../../lib/i18n";
import { OfficeMark, RoleBadge, useAffiliationText } from "../users";

/**
 * Who wrote a post: avatar, name (to the profile), verified and role badges, and the office line
 * ("Bupati Banyuwangi · Kabupaten Banyuwangi, Jawa Timur") so readers know whose experience it is.
 */
export function PostAuthor({
  author,
  children,
}: {
  author: UserSummaryDto | null;
  children?: React.ReactNode;
}) {
  const t = useT();
  // The server names the place (`author.place`); the region list (~46 KB) is fetched only for an
  // older payload without it whose author has no office to show, and used for free when loaded.
  const { text: loadedPlace } = useAffiliationText(author?.affiliation ?? null, {
    load: !author?.title && author?.place === undefined,
  });
  const place = author?.place ?? loadedPlace;
  if (!author) {
    return (
      <div className="post-author">
        <Avatar name="?" seed="unknown" />
        <div className="post-author__text">
          <span className="post-author__name">{t("posts.post.unknownAuthor")}</span>
          {children}
        </div>
      </div>
    );
  }
  const office = [author.title, place].filter(Boolean).join(" · ");
  return (
    <div className="post-author">
      <Avatar name={author.name} seed={author.id} />
      <div className="post-author__text">
        <span className="post-author__line">
          <Link
            to={`/users/${encodeURIComponent(author.id)}`}
            className="post-author__name"
            data-testid="post-author"
          >
            {author.name}
          </Link>
          <OfficeMark person={author} />
          <RoleBadge role={author.role} />
        </span>
        {office && <span className="post-author__office">{office}</span>}
        {children}
      </div>
    </div>
  );
}
