import { useEffect } from "react";
import { useT } from "../lib/i18n";
import { useStore } from "../store";
import "./Toaster.css";

const DURATION_MS = { info: 5000, success: 4000, error: 8000 } as const;

function ToastItem({ id }: { id: string }) {
  const t = useT();
  const toast = useStore((s) => s.toastsById[id]);
  const dismiss = useStore((s) => s.dismissToast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismiss(id), DURATION_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [id, toast, dismiss]);

  if (!toast) return null;
  return (
    <li className={`toast toast--${toast.tone}`} data-testid="toast">
      <span className="toast__mark" aria-hidden="true" />
      <p className="toast__text">{t(toast.message, toast.params)}</p>
      <button type="button" className="toast__close" onClick={() => dismiss(id)} aria-label={t("ui.dismiss")}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </li>
  );
}

/** Transient messages in a polite live region that exists before any toast arrives. */
export function Toaster() {
  const t = useT();
  const order = useStore((s) => s.toastOrder);
  return (
    <section className="toaster" aria-label={t("ui.notifications")}>
      <ol className="toaster__list" aria-live="polite" aria-relevant="additions text">
        {order.map((id) => (
          <ToastItem key={id} id={id} />
        ))}
      </ol>
    </section>
  );
}
