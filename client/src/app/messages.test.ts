import { describe, expect, it } from "vitest";
import { dictionary as en, features as enFeatures } from "./messages.en";
import { dictionary as id, features as idFeatures } from "./messages.id";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const featureMessages = Object.entries(idFeatures).map(([feature, dict]) => ({
  feature,
  id: dict as Record<string, string>,
  en: (enFeatures as Record<string, Record<string, string>>)[feature] ?? {},
}));

describe("message dictionaries", () => {
  it("lists the same features in both languages", () => {
    expect(Object.keys(enFeatures)).toEqual(Object.keys(idFeatures));
  });

  for (const dict of featureMessages) {
    const feature = dict.feature;
    describe(feature, () => {
      it("has exactly the same keys in Indonesian and English", () => {
        const idKeys = Object.keys(dict.id).sort();
        const enKeys = Object.keys(dict.en).sort();
        expect(
          enKeys.filter((k) => !idKeys.includes(k)),
          "keys only in en",
        ).toEqual([]);
        expect(
          idKeys.filter((k) => !enKeys.includes(k)),
          "keys only in id",
        ).toEqual([]);
      });

      it("has no empty strings and the same placeholders in both languages", () => {
        const en: Record<string, string> = dict.en;
        for (const [key, value] of Object.entries(dict.id)) {
          expect(value.trim(), `id ${key}`).not.toBe("");
          expect(en[key]?.trim(), `en ${key}`).not.toBe("");
          expect(placeholders(en[key] ?? ""), `placeholders of ${key}`).toEqual(placeholders(value));
        }
      });

      it(`prefixes every key with its feature`, () => {
        for (const key of Object.keys(dict.id)) {
          const prefix = key.split(".")[0];
          expect(feature === "ui" ? ["ui", "form", "error"] : [feature]).toContain(prefix);
        }
      });
    });
  }

  it("defines no key in two features (a later one would silently win)", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { feature, id: dict } of featureMessages) {
      for (const key of Object.keys(dict)) {
        if (seen.has(key)) duplicates.push(`${key} (${seen.get(key)} and ${feature})`);
        seen.set(key, feature);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it("merges every feature into each language's dictionary", () => {
    const total = featureMessages.reduce((n, d) => n + Object.keys(d.id).length, 0);
    expect(Object.keys(id)).toHaveLength(total);
    expect(Object.keys(en)).toHaveLength(total);
  });
});
