import type { ReactNode } from "react";
import { LogoMark } from "../../components/icons";
import "./auth.css";

/** The frame shared by the login and register pages: a calm card with the form. */
export function AuthLayout({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="auth">
      <div className="auth__card">
        <div className="auth__head">
          <LogoMark size={40} />
          <h1 className="auth__title">{title}</h1>
          <p className="auth__lead">{lead}</p>
        </div>
        {children}
        <p className="auth__footer">{footer}</p>
      </div>
    </div>
  );
}
