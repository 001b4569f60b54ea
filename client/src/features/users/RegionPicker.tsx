import { useId, useMemo, useState } from "react";
import type { Affiliation } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { childrenOf, provincesOf } from "../regions";

export interface RegionValue {
  provinceCode: string;
  /** A kabupaten/kota code, or "" for the provincial government itself. */
  regionCode: string;
}

/** The picker's value for a stored affiliation: its province, and the kabupaten/kota when it names one. */
export function regionValueOf(affiliation: Affiliation | null): RegionValue {
  if (affiliation?.kind !== "region") return { provinceCode: "", regionCode: "" };
  const [province = ""] = affiliation.code.split(".");
  return { provinceCode: province, regionCode: affiliation.code.includes(".") ? affiliation.code : "" };
}

/**
 * Province select, then a searchable kabupaten/kota select. Native selects keep it usable by
 * keyboard and with the phone's own picker; the search box narrows long lists.
 */
export function RegionPicker({
  value,
  onChange,
  provinceError,
  regionError,
}: {
  value: RegionValue;
  onChange: (value: RegionValue) => void;
  provinceError?: string;
  regionError?: string;
}) {
  const t = useT();
  const regionsByCode = useStore((s) => s.regionsByCode);
  const [query, setQuery] = useState("");
  const ids = useId();
  const provinces = useMemo(() => provincesOf(regionsByCode), [regionsByCode]);
  const children = useMemo(
    () => (value.provinceCode ? childrenOf(value.provinceCode, regionsByCode) : []),
    [value.provinceCode, regionsByCode],
  );
  const q = query.trim().toLocaleLowerCase("id");
  const matches = q ? children.filter((r) => r.name.toLocaleLowerCase("id").includes(q)) : children;
  // The chosen option stays in the list while filtering, or the select would show a blank value.
  const selected = children.find((r) => r.code === value.regionCode);
  const filtered = selected && !matches.includes(selected) ? [selected, ...matches] : matches;
  const noMatch = q !== "" && matches.length === 0;

  const provinceId = `${ids}-province`;
  const searchId = `${ids}-search`;
  const regionId = `${ids}-region`;

  return (
    <div className="region-picker">
      <div className={provinceError ? "field field--invalid" : "field"}>
        <label className="field__label" htmlFor={provinceId}>
          {t("users.edit.province")}
        </label>
        <select
          id={provinceId}
          className="input select"
          value={value.provinceCode}
          aria-invalid={provinceError ? true : undefined}
          aria-describedby={provinceError ? `${provinceId}-error` : undefined}
          data-testid="profile-province"
          onChange={(e) => {
            setQuery("");
            onChange({ provinceCode: e.target.value, regionCode: "" });
          }}
        >
          <option value="">{t("users.edit.province.placeholder")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        {provinceError && (
          <p className="field__error" id={`${provinceId}-error`}>
            {provinceError}
          </p>
        )}
      </div>

      {value.provinceCode && (
        <div className={regionError ? "field field--invalid" : "field"}>
          <label className="field__label" htmlFor={regionId}>
            {t("users.edit.region")}
          </label>
          {children.length > 8 && (
            <div className="region-picker__search">
              <label className="sr-only" htmlFor={searchId}>
                {t("users.edit.region.search")}
              </label>
              <input
                id={searchId}
                className="input input--search"
                type="search"
                value={query}
                placeholder={t("users.edit.region.searchPlaceholder")}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="profile-region-search"
                aria-controls={regionId}
              />
              {noMatch && (
                <p className="field__hint" role="status">
                  {t("users.edit.region.noMatch", { query })}
                </p>
              )}
            </div>
          )}
          <select
            id={regionId}
            className="input select"
            value={value.regionCode}
            aria-invalid={regionError ? true : undefined}
            onChange={(e) => onChange({ provinceCode: value.provinceCode, regionCode: e.target.value })}
            data-testid="profile-region"
          >
            <option value="">{t("users.edit.region.wholeProvince")}</option>
            {filtered.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
          {regionError && <p className="field__error">{regionError}</p>}
        </div>
      )}
    </div>
  );
}
