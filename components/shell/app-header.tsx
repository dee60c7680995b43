// The site header: brand, navigation for the user's role, language and theme controls, account.
// Links are only a convenience: every page re-checks access on the server.
import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import type { Translate } from "@/lib/i18n";
import { Icon } from "@/components/ui/icon";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { ThemeChoice } from "@/components/theme/theme";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import styles from "./shell.module.css";

export function AppHeader({ user, t, theme }: { user: CurrentUser | null; t: Translate; theme: ThemeChoice }) {
  const links: { href: string; label: string }[] = user
    ? [
        { href: "/dashboard", label: t("nav.dashboard") },
        { href: "/practice", label: t("nav.practice") },
        { href: "/exams", label: t("nav.exams") },
        { href: "/homework", label: t("nav.homework") },
        { href: "/review", label: t("nav.review") },
        ...(hasRole(user.role, "INSTRUCTOR") ? [{ href: "/instructor", label: t("nav.instructor") }] : []),
        ...(hasRole(user.role, "ADMIN") ? [{ href: "/admin/users", label: t("nav.admin") }] : []),
        { href: "/settings", label: t("nav.settings") },
      ]
    : [
        { href: "/", label: t("nav.home") },
        { href: "/signin", label: t("nav.signIn") },
        { href: "/register", label: t("nav.register") },
      ];
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href={user ? "/dashboard" : "/"} className={styles.brand}>
          <span className={styles.logo}>
            <Icon name="helm" size={20} />
          </span>
          kubedrill
        </Link>
        <nav className={styles.nav} aria-label={t("nav.main")}>
          <ul className={styles.navList}>
            {links.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.controls}>
          <LanguageSwitcher />
          <ThemeToggle serverChoice={theme} />
          {user ? (
            <div className={styles.account}>
              <span className={styles.email} title={t("nav.signedInAs", { email: user.email })}>
                {user.email}
              </span>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
