import { iconPaths, type IconName } from './icon-paths';

export type { IconName };

/** A decorative stroke icon; give meaning through the surrounding label, not the icon. */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {iconPaths[name]}
    </svg>
  );
}

/** The Inloop mark: a loop closing on a dot, the agent kept in the loop. */
export function LogoMark() {
  return (
    <svg className="logo-mark" width={20} height={20} viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="6" className="logo-mark__tile" />
      <path
        d="M15.5 8.2a5 5 0 1 0 1.4 4.8"
        fill="none"
        className="logo-mark__loop"
        strokeWidth={2.2}
        strokeLinecap="round"
      />
      <circle cx="17.2" cy="9.4" r="1.9" className="logo-mark__dot" />
    </svg>
  );
}
