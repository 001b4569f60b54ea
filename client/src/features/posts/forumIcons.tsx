import type { ReactNode } from "react";
import type { ReactionKind } from "@rembuk/shared";

/** Line icons for the forum (decorative: the control beside each carries the text). */
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

export const ThumbIcon = () => (
  <Icon>
    <path d="M7 10v10H4V10h3zM7 10l4-7c1.4 0 2.3 1.1 2 2.5L12.5 9H19a2 2 0 012 2.3l-1.2 7A2 2 0 0117.8 20H7" />
  </Icon>
);
export const BulbIcon = () => (
  <Icon>
    <path d="M9 18h6M10 21h4" />
    <path d="M12 3a6 6 0 00-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0012 3z" />
  </Icon>
);
export const HeartIcon = () => (
  <Icon>
    <path d="M12 20s-7.5-4.6-7.5-10A4.5 4.5 0 0112 7.3 4.5 4.5 0 0119.5 10c0 5.4-7.5 10-7.5 10z" />
  </Icon>
);
export const CheckCircleIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M8.3 12.2l2.5 2.5 4.9-5.2" />
  </Icon>
);
export const ReplyIcon = () => (
  <Icon>
    <path d="M10 8L5 12.5 10 17" />
    <path d="M5.5 12.5H14a5 5 0 015 5V19" />
  </Icon>
);
export const EditIcon = () => (
  <Icon>
    <path d="M4 20h4L19 9l-4-4L4 16v4z" />
    <path d="M13.5 6.5l4 4" />
  </Icon>
);
export const TrashIcon = () => (
  <Icon>
    <path d="M5 7h14M10 7V4.5h4V7M7 7l1 13h8l1-13" />
  </Icon>
);
export const SendIcon = () => (
  <Icon>
    <path d="M4 12l16-8-6 16-2.5-6.5L4 12z" />
  </Icon>
);
export const ArrowDownIcon = () => (
  <Icon>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Icon>
);
export const PinIcon = () => (
  <Icon>
    <path d="M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7" />
  </Icon>
);
export const StarIcon = () => (
  <Icon>
    <path d="M12 4l2.4 5 5.4.6-4 3.7 1.1 5.3L12 16l-4.9 2.6 1.1-5.3-4-3.7 5.4-.6L12 4z" />
  </Icon>
);
export const EyeIcon = () => (
  <Icon>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
    <circle cx="12" cy="12" r="2.8" />
  </Icon>
);
export const UsersIcon = () => (
  <Icon>
    <circle cx="9" cy="8.5" r="3.2" />
    <path d="M3 19.5c.6-3.2 3-5 6-5s5.4 1.8 6 5" />
    <path d="M15.5 5.6a3.2 3.2 0 010 5.8M17.5 14.8c1.8.6 3 2.3 3.5 4.7" />
  </Icon>
);
export const ClockIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Icon>
);
export const AlertIcon = () => (
  <Icon>
    <path d="M12 4L2.8 19.5h18.4L12 4z" />
    <path d="M12 10v4.5M12 17.2v.3" />
  </Icon>
);

export const REACTION_ICONS: Record<ReactionKind, () => ReactNode> = {
  like: ThumbIcon,
  insightful: BulbIcon,
  thanks: HeartIcon,
  agree: CheckCircleIcon,
};
