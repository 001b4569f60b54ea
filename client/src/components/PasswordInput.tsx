import { useState, type InputHTMLAttributes } from "react";
import { useT } from "../lib/i18n";

/** A password input with a show/hide toggle (long passwords are hard to type on phones). */
export function PasswordInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <div className="password-input">
      <input {...props} type={visible ? "text" : "password"} className="input" />
      <button
        type="button"
        className="password-input__toggle"
        aria-pressed={visible}
        aria-label={visible ? t("ui.hidePassword") : t("ui.showPassword")}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? t("ui.hide") : t("ui.show")}
      </button>
    </div>
  );
}
