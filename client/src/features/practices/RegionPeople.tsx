import { Link } from "react-router";
import { OfficeMark } from "../users";
import { useT } from "../../lib/i18n";

type RegionPerson = { id: string; name: string; title: string; verified: boolean };

/** The people who name a region as their affiliation: verified office holders first, then the others. */
export function RegionPeople({ code, people }: { code: string; people: RegionPerson[] }) {
  const t = useT();
  return (
    <section className="card region-people" aria-labelledby="region-people">
      <h2 id="region-people" className="card-title">
        {t("practices.region.people")}
      </h2>
      {people.length === 0 ? (
        <p className="muted">{t("practices.region.noPeople")}</p>
      ) : (
        <>
          <PeopleGroup
            code={code}
            title={t("practices.region.people.verified")}
            people={people.filter((p) => p.verified)}
            testId="region-people-verified"
          />
          <PeopleGroup
            code={code}
            title={t("practices.region.people.unverified")}
            lead={t("practices.region.people.unverifiedLead")}
            people={people.filter((p) => !p.verified)}
            testId="region-people-unverified"
          />
        </>
      )}
    </section>
  );
}

/**
 * Verified office holders are listed apart from people who only say they belong here, so a second
 * "Gubernur" typed by anyone never sits beside the real one as an equal.
 */
function PeopleGroup({
  code,
  title,
  lead,
  people,
  testId,
}: {
  code: string;
  title: string;
  lead?: string;
  people: RegionPerson[];
  testId: string;
}) {
  if (people.length === 0) return null;
  return (
    <div className="people-group" data-testid={testId}>
      <h3 className="people-group__title">{title}</h3>
      {lead && <p className="people-group__lead muted">{lead}</p>}
      <ul className="people-list" data-testid="region-people">
        {people.map((p) => (
          <li key={p.id}>
            <Link to={`/users/${p.id}`} className="people-list__name">
              {p.name}
            </Link>
            {/* Everyone listed here states this region as their affiliation: that alone is a claim. */}
            <OfficeMark
              person={{ verified: p.verified, title: p.title, affiliation: { kind: "region", code } }}
            />
            {p.title && <span className="people-list__title">{p.title}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
