import { useEffect } from "react";
import type { Affiliation } from "@rembuk/shared";
import { BuildingIcon, MapPinIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { regionLabel } from "../regions";

/**
 * The region's name ("Kota Semarang, Jawa Tengah") or the agency. Loads the region list (~46 KB) if
 * needed, unless `load` is false: then a region is named only when the list is already here.
 */
export function useAffiliationText(
  affiliation: Affiliation | null,
  { load = true }: { load?: boolean } = {},
): { text: string | null; loading: boolean } {
  const t = useT();
  const regionsByCode = useStore((s) => s.regionsByCode);
  const regionsStatus = useStore((s) => s.regionsStatus);
  const loadRegions = useStore((s) => s.loadRegions);
  const needsRegions = load && affiliation?.kind === "region";

  useEffect(() => {
    if (needsRegions) void loadRegions();
  }, [needsRegions, loadRegions]);

  if (!affiliation) return { text: null, loading: false };
  if (affiliation.kind === "agency") return { text: affiliation.name, loading: false };
  const label = regionLabel(affiliation.code, regionsByCode);
  if (label) return { text: label, loading: false };
  if (!load) return { text: null, loading: false };
  if (regionsStatus === "idle" || regionsStatus === "loading") return { text: null, loading: true };
  return { text: t("users.affiliation.region", { code: affiliation.code }), loading: false };
}

export function UserAffiliation({
  affiliation,
  showEmpty = true,
}: {
  affiliation: Affiliation | null;
  showEmpty?: boolean;
}) {
  const t = useT();
  const { text, loading } = useAffiliationText(affiliation);
  if (loading) return <Skeleton width="12rem" />;
  if (!text) return showEmpty ? <span className="muted">{t("users.affiliation.none")}</span> : null;
  return (
    <span className="affiliation">
      {affiliation?.kind === "agency" ? <BuildingIcon /> : <MapPinIcon />}
      <span>{text}</span>
    </span>
  );
}
