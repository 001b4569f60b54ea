/** The search feature's front door for the rest of the client. */
export { HeaderSearch } from "./HeaderSearch";
export { SearchPage } from "./SearchPage";
export { DirectorySearch } from "./DirectorySearch";
