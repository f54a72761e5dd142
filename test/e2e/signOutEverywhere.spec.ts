import { expect, test } from './support/fixtures';
import { CounterPage } from './support/pages/counterPage';

test('signing out everywhere ends the sessions on other computers too', async ({ browser, appUrl }) => {
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  const pageHere = await here.newPage();
  const pageElsewhere = await elsewhere.newPage();
  await new CounterPage(pageHere).signIn(appUrl);
  await new CounterPage(pageElsewhere).signIn(appUrl);

  await pageHere.getByRole('button', { name: '登出所有裝置' }).click();
  await expect(pageHere.getByLabel('帳號')).toBeVisible();

  // The other computer learns it at its next contact with the server.
  await pageElsewhere.getByRole('button', { name: '立即同步' }).click();
  await expect(pageElsewhere.getByLabel('帳號')).toBeVisible();

  await here.close();
  await elsewhere.close();
});
