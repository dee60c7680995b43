// Decorative line icons drawn inline as SVG (24×24 grid, currentColor), so they look the same on every
// system regardless of installed emoji or symbol fonts. Always aria-hidden: text carries the meaning.
export type IconName = "helm" | "check" | "clock" | "clipboard" | "chart" | "classes" | "search" | "lock" | "question" | "sun" | "moon";

const PATHS: Record<IconName, string> = {
  helm: "M12 3v3m0 12v3M3 12h3m12 0h3M5.6 5.6l2.1 2.1m8.6 8.6 2.1 2.1M5.6 18.4l2.1-2.1m8.6-8.6 2.1-2.1M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0 3.2a1.8 1.8 0 1 0 0 3.6 1.8 1.8 0 0 0 0-3.6Z",
  check: "M4 12.5 9 17.5 20 6.5",
  clock: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4v5l3.5 2",
  clipboard: "M9 4h6v3H9zM7 5.5H5.5v15h13v-15H17M8.5 12l2.2 2.2 4.8-4.7",
  chart: "M4 20h16M7 16v-4m5 4V8m5 8v-6",
  classes: "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-6 9a6 6 0 0 1 12 0m1-9a3 3 0 1 0 0-6m2.5 15H21a6 6 0 0 0-4-5.7",
  search: "M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM15.5 15.5 20 20",
  lock: "M7 11V8a5 5 0 0 1 10 0v3M5.5 11h13v9.5h-13zM12 14.5v2.5",
  question: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-2.6-11.6a2.7 2.7 0 1 1 3.7 2.5c-.7.3-1.1.9-1.1 1.6v.8m0 3.2v.2",
  sun: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm0-5v2m0 14v2M3 12h2m14 0h2M5.6 5.6 7 7m10 10 1.4 1.4M5.6 18.4 7 17M17 7l1.4-1.4",
  moon: "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z",
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
