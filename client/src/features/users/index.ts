// The users feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { createUsersSlice } from "./users.slice";
export type { UserEntity, UsersSlice } from "./users.slice";
export { AffiliationFieldset, affiliationDraftOf, affiliationFrom } from "./AffiliationFieldset";
export { ProfilePage } from "./ProfilePage";
export { RegionPicker, regionValueOf } from "./RegionPicker";
export type { RegionValue } from "./RegionPicker";
export { UserAffiliation, useAffiliationText } from "./UserAffiliation";
export { OfficeMark, RoleBadge, claimsOffice, roleKey } from "./UserBadges";
