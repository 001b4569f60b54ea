import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";

/**
 * A page's own skip link ("Lompat ke kotak balasan"), shown by the shell right after "skip to main
 * content", so it is the second Tab stop of the page instead of the hundredth.
 */
export interface PageSkipLink {
  label: string;
  /** The element's id, for the link's address. */
  targetId: string;
  /** Moves focus to the target (and scrolls it into view). */
  activate: () => void;
}

const Ctx = createContext<((link: PageSkipLink | null) => void) | null>(null);

export function PageSkipLinkProvider({
  children,
  render,
}: {
  children: ReactNode;
  render: (link: PageSkipLink | null) => ReactNode;
}) {
  const [link, setLink] = useState<PageSkipLink | null>(null);
  return (
    <Ctx.Provider value={setLink}>
      {render(link)}
      {children}
    </Ctx.Provider>
  );
}

/** Offers `label` as a skip link while the calling page is shown (null: none). */
export function usePageSkipLink(label: string | null, targetId: string, activate: () => void) {
  const set = useContext(Ctx);
  const activateRef = useRef(activate);
  useLayoutEffect(() => {
    activateRef.current = activate;
  });
  useEffect(() => {
    if (!set || label === null) return;
    set({ label, targetId, activate: () => activateRef.current() });
    return () => set(null);
  }, [set, label, targetId]);
}

/** Focuses the reply box: its text area, else its first link or button (sign in, locked notice), else the box. */
export function focusReplyBox(textarea: HTMLElement | null, box: HTMLElement | null) {
  const target = textarea ?? box?.querySelector<HTMLElement>("a[href], button:not([disabled])") ?? box;
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}
