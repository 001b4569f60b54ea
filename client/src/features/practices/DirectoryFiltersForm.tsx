import { useId, useMemo } from "react";
import { PRACTICE_STAGES, type SectorDto } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { childrenOf, provincesOf } from "../regions";
import type { DirectoryFilters } from "./practices.api";
import { SDG_KEYS, STAGE_KEYS, sectorName } from "./practices.format";

/** Sectors grouped as UU 23/2014 groups them, for `<optgroup>`s. */
function groupSectors(sectors: readonly SectorDto[]) {
  const groups = new Map<SectorDto["group"], SectorDto[]>();
  for (const s of sectors) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups];
}

const GROUP_LABEL: Record<SectorDto["group"], { id: string; en: string }> = {
  basic: { id: "Wajib, pelayanan dasar", en: "Mandatory, basic services" },
  nonBasic: { id: "Wajib, non-pelayanan dasar", en: "Mandatory, other" },
  optional: { id: "Pilihan", en: "Optional" },
  support: { id: "Penunjang", en: "Supporting functions" },
};

export function SectorOptions({ sectors }: { sectors: readonly SectorDto[] }) {
  const locale = useStore((s) => s.locale);
  return (
    <>
      {groupSectors(sectors).map(([group, list]) => (
        <optgroup key={group} label={GROUP_LABEL[group][locale]}>
          {list.map((s) => (
            <option key={s.code} value={s.code}>
              {sectorName(s.code, sectors, locale)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/**
 * The directory's filters. Every change goes straight to the URL (the page reads filters from it), so
 * the view can be shared and the browser's back button undoes a filter.
 */
export function DirectoryFiltersForm({
  filters,
  onChange,
  collapsed = false,
  id,
}: {
  filters: DirectoryFilters;
  onChange: (next: DirectoryFilters) => void;
  /** Phones only: hidden until the "Filters" button opens it. */
  collapsed?: boolean;
  id?: string;
}) {
  const t = useT();
  const ids = useId();
  const regions = useStore((s) => s.regionsByCode);
  const sectors = useStore((s) => s.sectors);
  const provinces = useMemo(() => provincesOf(regions), [regions]);
  const children = useMemo(
    () => (filters.province ? childrenOf(filters.province, regions) : []),
    [filters.province, regions],
  );
  const set = (patch: Partial<DirectoryFilters>) => onChange({ ...filters, ...patch });

  return (
    <form
      id={id}
      className={collapsed ? "directory-filters directory-filters--collapsed" : "directory-filters"}
      aria-label={t("practices.filter.title")}
      onSubmit={(e) => e.preventDefault()}
      data-testid="directory-filters"
    >
      <div className="directory-filters__field">
        <label htmlFor={`${ids}-province`}>{t("practices.filter.province")}</label>
        <select
          id={`${ids}-province`}
          className="input select"
          value={filters.province ?? ""}
          data-testid="filter-province"
          onChange={(e) => set({ province: e.target.value || undefined, region: undefined })}
        >
          <option value="">{t("practices.filter.provinceAll")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="directory-filters__field">
        <label htmlFor={`${ids}-region`}>{t("practices.filter.region")}</label>
        <select
          id={`${ids}-region`}
          className="input select"
          value={filters.region ?? ""}
          disabled={!filters.province}
          data-testid="filter-region"
          onChange={(e) => set({ region: e.target.value || undefined })}
        >
          <option value="">{t("practices.filter.regionAll")}</option>
          {children.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="directory-filters__field directory-filters__field--wide">
        <label htmlFor={`${ids}-sector`}>{t("practices.filter.sector")}</label>
        <select
          id={`${ids}-sector`}
          className="input select"
          value={filters.sector ?? ""}
          data-testid="filter-sector"
          onChange={(e) => set({ sector: e.target.value || undefined })}
        >
          <option value="">{t("practices.filter.sectorAll")}</option>
          <SectorOptions sectors={sectors} />
        </select>
      </div>
      <div className="directory-filters__field">
        <label htmlFor={`${ids}-stage`}>{t("practices.filter.stage")}</label>
        <select
          id={`${ids}-stage`}
          className="input select"
          value={filters.stage ?? ""}
          data-testid="filter-stage"
          onChange={(e) => {
            const stage = PRACTICE_STAGES.find((s) => s === e.target.value);
            set({ stage });
          }}
        >
          <option value="">{t("practices.filter.stageAll")}</option>
          {PRACTICE_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(STAGE_KEYS[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="directory-filters__field">
        <label htmlFor={`${ids}-sdg`}>{t("practices.filter.sdg")}</label>
        <select
          id={`${ids}-sdg`}
          className="input select"
          value={filters.sdg ?? ""}
          data-testid="filter-sdg"
          onChange={(e) => set({ sdg: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t("practices.filter.sdgAll")}</option>
          {SDG_KEYS.map((key, i) => (
            <option key={key} value={i + 1}>
              {i + 1}. {t(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="directory-filters__toggles">
        <label className={filters.featured ? "choice choice--checked" : "choice"}>
          <input
            type="checkbox"
            checked={filters.featured === true}
            data-testid="filter-featured"
            onChange={(e) => set({ featured: e.target.checked ? true : undefined })}
          />
          {t("practices.filter.featured")}
        </label>
        <label className={filters.hasAdoptions ? "choice choice--checked" : "choice"}>
          <input
            type="checkbox"
            checked={filters.hasAdoptions === true}
            data-testid="filter-has-adoptions"
            onChange={(e) => set({ hasAdoptions: e.target.checked ? true : undefined })}
          />
          {t("practices.filter.hasAdoptions")}
        </label>
      </div>
    </form>
  );
}
