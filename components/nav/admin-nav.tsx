import { NavLink } from "./nav-link";

/** The admin pages' own links, under each admin page's heading. */
export function AdminNav() {
  return (
    <nav aria-label="Administration">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        <li>
          <NavLink href="/admin/users">Users</NavLink>
        </li>
        <li>
          <NavLink href="/admin/audit">Audit log</NavLink>
        </li>
        <li>
          <NavLink href="/admin/notifications">Notifications</NavLink>
        </li>
      </ul>
    </nav>
  );
}
