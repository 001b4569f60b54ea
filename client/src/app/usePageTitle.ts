import { useEffect } from "react";

/** Sets `document.title` to "<title> · Rembuk" while the page is shown. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Rembuk` : "Rembuk";
  }, [title]);
}
