import type { ReactNode } from "react";

/** One block of the signed-in home: a heading, an optional line under it and an action beside it. */
export function HomeSection({
  id,
  title,
  lead,
  action,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  action?: ReactNode;
  /** Spans both columns on wide screens. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={`card home-section${wide ? " home-section--wide" : ""}`}
      aria-labelledby={id}
      data-testid={id}
    >
      <div className="home-section__head">
        <div>
          <h2 id={id} className="section-title">
            {title}
          </h2>
          {lead && <p className="home-section__lead">{lead}</p>}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
