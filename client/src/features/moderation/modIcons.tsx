import type { ReactNode } from "react";

/** Line icons for moderation (decorative: the control beside each carries the text). */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="icon"
    >
      {children}
    </svg>
  );
}

export const FlagIcon = () => (
  <Icon>
    <path d="M5 21V4M5 4h11l-2 4 2 4H5" />
  </Icon>
);
export const GavelIcon = () => (
  <Icon>
    <path d="M14 4l6 6M11 7l6 6M12.5 5.5l-6 6M18.5 11.5l-6 6M9.5 8.5L3 15l3 3 6.5-6.5M13 21h8" />
  </Icon>
);
export const InboxIcon = () => (
  <Icon>
    <path d="M4 13l2.5-8h11L20 13v6H4v-6zM4 13h4.5l1.5 2.5h4l1.5-2.5H20" />
  </Icon>
);
export const ListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
  </Icon>
);
export const PeopleIcon = () => (
  <Icon>
    <circle cx="9" cy="8" r="3.2" />
    <path d="M3 20c.6-3.5 3-5.5 6-5.5s5.4 2 6 5.5M16 5.2a3 3 0 010 5.6M18 14.8c1.6.7 2.7 2.5 3 5.2" />
  </Icon>
);
export const CheckIcon = () => (
  <Icon>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
);
export const XIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
export const EyeOffIcon = () => (
  <Icon>
    <path d="M3 3l18 18M10.6 5.2A10 10 0 0112 5c5 0 8.5 4.5 9.5 7-.4 1-1.2 2.3-2.3 3.5M6.6 6.7C4.6 8 3.2 10 2.5 12c1 2.5 4.5 7 9.5 7 1.7 0 3.2-.5 4.5-1.2M9.9 9.9a3 3 0 004.2 4.2" />
  </Icon>
);
export const MoveIcon = () => (
  <Icon>
    <path d="M4 12h13M13 7l5 5-5 5M4 5v14" />
  </Icon>
);
export const DownloadIcon = () => (
  <Icon>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </Icon>
);
export const MoreIcon = () => (
  <Icon>
    <circle cx="5" cy="12" r="1.2" />
    <circle cx="12" cy="12" r="1.2" />
    <circle cx="19" cy="12" r="1.2" />
  </Icon>
);
