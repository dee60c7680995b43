// Roles are ordered: an ADMIN may do what an INSTRUCTOR may, an INSTRUCTOR what a STUDENT may.
export const ROLES = ["STUDENT", "INSTRUCTOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { STUDENT: 0, INSTRUCTOR: 1, ADMIN: 2 };

// The role column is a plain string; anything unrecognised is treated as the least privileged role.
export function parseRole(value: unknown): Role {
  return ROLES.includes(value as Role) ? (value as Role) : "STUDENT";
}

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
