import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { isApiError } from "../../lib/api";
import { useT } from "../../lib/i18n";
import { markdownCommands } from "@rembuk/shared";
import { send } from "../../lib/send";

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Label id for the textarea (the surrounding Field's control props, or a visually hidden label). */
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  testId: string;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}

type Preview =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; html: string }
  | { status: "error"; offline: boolean };

/**
 * A Markdown textarea with Write / Preview tabs. The preview is rendered by the server with the code
 * that renders posts (`POST /markdown/preview`), so what it shows is exactly what will be published.
 */
export function MarkdownEditor({
  value,
  onChange,
  testId,
  textareaRef,
  rows = 4,
  ...rest
}: MarkdownEditorProps) {
  const t = useT();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [preview, setPreview] = useState<Preview>({ status: "idle" });
  const rendered = useRef<{ body: string; html: string } | null>(null);
  const baseId = useId();

  useEffect(() => {
    if (tab !== "preview") return;
    if (!value.trim()) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the preview tab shows an empty or cached preview at once, else loads the server's
      setPreview({ status: "ready", html: "" });
      return;
    }
    if (rendered.current?.body === value) {
      setPreview({ status: "ready", html: rendered.current.html });
      return;
    }
    const abort = new AbortController();
    setPreview({ status: "loading" });
    send(markdownCommands.preview, { body: value }, { signal: abort.signal }).then(
      ({ html }) => {
        rendered.current = { body: value, html };
        setPreview({ status: "ready", html });
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setPreview({ status: "error", offline: isApiError(err) && err.code === "NETWORK" });
      },
    );
    return () => abort.abort();
  }, [tab, value]);

  const tabButton = (which: "write" | "preview") => (
    <button
      type="button"
      role="tab"
      id={`${baseId}-${which}`}
      aria-selected={tab === which}
      aria-controls={`${baseId}-${which}-panel`}
      className={`md-editor__tab${tab === which ? " md-editor__tab--active" : ""}`}
      data-testid={`${testId}-${which}-tab`}
      onClick={() => setTab(which)}
    >
      {t(which === "write" ? "posts.composer.write" : "posts.composer.preview")}
    </button>
  );

  return (
    <div className="md-editor">
      <div className="md-editor__tabs" role="tablist">
        {tabButton("write")}
        {tabButton("preview")}
      </div>
      <div
        id={`${baseId}-write-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-write`}
        hidden={tab !== "write"}
      >
        <textarea
          {...rest}
          ref={textareaRef}
          className="input textarea md-editor__input"
          rows={rows}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {tab === "preview" && (
        <div
          id={`${baseId}-preview-panel`}
          role="tabpanel"
          aria-labelledby={`${baseId}-preview`}
          aria-live="polite"
          className="md-editor__preview"
          data-testid={`${testId}-preview`}
        >
          {preview.status === "loading" || preview.status === "idle" ? (
            <p className="muted">{t("posts.composer.previewLoading")}</p>
          ) : preview.status === "error" ? (
            <p className="muted">
              {preview.offline ? t("posts.composer.previewOffline") : t("error.generic")}
            </p>
          ) : preview.html ? (
            // Sanitised by the server's renderer (raw HTML off, links checked): safe to insert.
            <div className="md" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="muted">{t("posts.composer.previewEmpty")}</p>
          )}
        </div>
      )}
    </div>
  );
}
