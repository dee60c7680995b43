// Signs in once as each demo account and saves the session for the tests that act as that role.
import { expect, test as setup } from "@playwright/test";
import { DEMO, signIn, storageStatePath, type DemoRole } from "./helpers";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role].email, DEMO[role].password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("banner").getByText(DEMO[role].email)).toBeVisible();
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
