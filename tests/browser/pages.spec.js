// The paths people take through Lacuna's pages, in Debian's chromium, with axe-core on every page.
const { test, expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;
const path = require("path");

const PASSWORD = process.env.LACUNA_DEMO_PASSWORD;
const SHOTS = process.env.LACUNA_SCREENSHOTS || "";
// Unique per run, so a rerun against the same store never meets an earlier run's gap.
const RUN = Date.now().toString(36);
const TITLE = `ابهام در شمول عوارض ارزش افزوده بر تغییر کاربری اراضی باغات ${RUN}`;

test.describe.configure({ mode: "serial" });

/** No serious or critical WCAG 2.1 AA violation on the page as it is now. */
async function checkAccessibility(page) {
  // Colours are measured as a person sees them once the page is still, not halfway through an animation
  // (the date picker fades in when its field takes the focus); endless animations aside.
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect.getComputedTiming().endTime === Infinity),
    null,
    { timeout: 5000 },
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Screenshots of the page at 1280 and 360 px wide, into LACUNA_SCREENSHOTS when set. */
async function screenshots(page, name) {
  if (!SHOTS) return;
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page, username) {
  await page.goto("/login");
  await page.getByLabel("نام کاربری").fill(username);
  await page.getByLabel("گذرواژه").fill(PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("میز کار");
}

/** A page in its own browser context: each person has their own cookies. */
async function personPage(browser) {
  const context = await browser.newContext({ baseURL: process.env.LACUNA_WEB_URL, locale: "fa-IR" });
  return context.newPage();
}

/**
 * Presses Tab until the focused element's text or label matches `name` (at most 60 times), and checks
 * that the focus can be seen there.
 */
async function tabTo(page, name) {
  for (let i = 0; i < 60; ++i) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const label = e.labels && e.labels.length ? e.labels[0].textContent : "";
      const style = getComputedStyle(e);
      return { text: (e.textContent || "") + " " + label, outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (name.test(focused.text)) {
      expect(focused.outline).not.toBe("none");
      expect(focused.width).not.toBe("0px");
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

let gapPath = "";

test("the login page and a keyboard-only sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
  await checkAccessibility(page);
  await screenshots(page, "login");
  // The username field has the focus; Tab reaches the password, Enter sends.
  await page.keyboard.type("tehran.director");
  await page.keyboard.press("Tab");
  await page.keyboard.type("not the password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("درست نیست");
  await page.getByLabel("گذرواژه").fill(PASSWORD);
  await page.getByLabel("گذرواژه").press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("میز کار");
  await checkAccessibility(page);
  await screenshots(page, "desk");
});

test("a Tehran expert reports a confidential gap and is shown the similar one", async ({ page }) => {
  await signIn(page, "tehran.expert");
  await page.getByRole("link", { name: "خلأها", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خلأهای قانونی");
  // The counts per state arrive once the list has loaded; each filters the list by its state.
  await expect(page.locator(".state-counts")).toContainText("گزارش‌شده");
  await checkAccessibility(page);
  await screenshots(page, "gaps");
  await page.locator(".state-counts").getByRole("link", { name: /بررسی اولیه‌شده/ }).click();
  await expect(page).toHaveURL(/state=triaged/);
  await expect(page.locator("#results tbody tr")).toHaveCount(1);
  await page.goto("/gaps/new");
  await checkAccessibility(page);
  await page.getByLabel(/^عنوان/).fill(TITLE);
  // While the title is typed, the open gap on the same question is suggested (htmx, in place).
  await expect(page.locator("#similar")).toContainText("ابهام در شمول عوارض ارزش افزوده ناشی از تغییر کاربری");
  await screenshots(page, "report");
  await page.getByLabel(/^شرح/).fill("کمیسیون ماده ۵ تغییر کاربری باغات را تصویب می‌کند اما تکلیف عوارض آن روشن نیست.");
  await page.getByLabel("نوع خلأ").selectOption("ambiguity");
  await page.getByLabel("موضوع").selectOption("fees");
  await page.getByLabel("قانون ۱").fill("قانون مالیات بر ارزش افزوده");
  await page.getByLabel("ماده ۱").fill("ماده ۵۰");
  await page.getByLabel(/دعاوی در جریان/).fill("۱۲");
  await page.getByLabel(/محرمانه/).check();
  await page.getByRole("button", { name: "ثبت گزارش" }).click();
  await expect(page.getByRole("status")).toContainText("گزارش ثبت شد");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText("محرمانه").first()).toBeVisible();
  await expect(page.locator(".facts")).toContainText("۱۲");
  gapPath = new URL(page.url()).pathname;
  await checkAccessibility(page);
});

test("a report with errors keeps what was typed and names each field", async ({ page }) => {
  await signIn(page, "tehran.expert");
  await page.goto("/gaps/new");
  await page.getByLabel(/^عنوان/).fill("کوتاه");
  await page.getByLabel(/دعاوی در جریان/).fill("دوازده");
  await page.getByLabel("نوع خلأ").selectOption("vacuum");
  await page.getByLabel("موضوع").selectOption("fees");
  await page.locator("#gap-form").evaluate((form) => form.noValidate = true);
  await page.getByRole("button", { name: "ثبت گزارش" }).click();
  const summary = page.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("pending_lawsuits");
  await expect(page.getByLabel(/^عنوان/)).toHaveValue("کوتاه");
  await expect(page.getByLabel(/دعاوی در جریان/)).toHaveValue("دوازده");
  await checkAccessibility(page);
});

test("the secretary moves the gap on; the expert writes two drafts and compares them", async ({ browser }) => {
  const secretary = await personPage(browser);
  await signIn(secretary, "secretary");
  await secretary.goto(gapPath);
  await secretary.getByRole("button", { name: "بررسی اولیه" }).click();
  await expect(secretary.locator(".facts")).toContainText("بررسی اولیه‌شده");
  await secretary.getByRole("button", { name: "آغاز تهیه پیش‌نویس" }).click();
  await expect(secretary.locator(".facts")).toContainText("در حال تهیه پیش‌نویس");
  await expect(secretary.locator(".timeline li")).toHaveCount(3);
  await checkAccessibility(secretary);

  const expert = await personPage(browser);
  await signIn(expert, "tehran.expert");
  await expert.goto(gapPath);
  await expert.getByLabel("متن پیشنهادی اصلاحیه").fill("عوارض تغییر کاربری باغات به موجب این قانون وصول می‌شود.");
  await expert.getByLabel("دلایل توجیهی").fill("رفع ابهام در آرای دیوان عدالت اداری.");
  await expert.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(expert.locator("#drafts")).toContainText("آخرین نسخه (۱)");
  await expert.getByLabel("متن پیشنهادی اصلاحیه").fill("عوارض تغییر کاربری باغات و اراضی زراعی به موجب این قانون و با تصویب شورا وصول می‌شود.");
  await expert.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(expert.locator("#drafts")).toContainText("آخرین نسخه (۲)");
  await expert.getByRole("button", { name: "مقایسه" }).click();
  await expect(expert.getByRole("heading", { level: 1 })).toContainText("مقایسه نسخه ۱ با نسخه ۲");
  await expect(expert.locator(".text ins").first()).toContainText("اراضی");
  await checkAccessibility(expert);
  await screenshots(expert, "diff");
  await expert.goto(gapPath);
  await screenshots(expert, "gap");
});

test("the secretary moves a gap on with the keyboard alone", async ({ browser }) => {
  const page = await personPage(browser);
  await signIn(page, "secretary");
  await page.goto("/gaps?state=reported");
  await tabTo(page, /منسوخ بودن سقف معاملات/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("منسوخ بودن سقف معاملات");
  await tabTo(page, /^\s*توضیح/);
  await page.keyboard.type("بررسی شد؛ در دستور تهیه پیش‌نویس");
  await tabTo(page, /^بررسی اولیه\s/);
  await page.keyboard.press("Enter");
  await expect(page.locator(".facts")).toContainText("بررسی اولیه‌شده");
  await expect(page.locator(".timeline")).toContainText("در دستور تهیه پیش‌نویس");
});

test("a stale draft shows what changed and keeps the text; a stale transition shows the new state", async ({ browser }) => {
  const first = await personPage(browser);
  const second = await personPage(browser);
  await signIn(first, "tehran.expert");
  await signIn(second, "tehran.director");
  await first.goto(gapPath);
  await second.goto(gapPath);
  await first.getByLabel("متن پیشنهادی اصلاحیه").fill("متن نسخه سوم از کارشناس");
  await first.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(first.locator("#drafts")).toContainText("آخرین نسخه (۳)");
  await second.getByLabel("متن پیشنهادی اصلاحیه").fill("متن مدیر حقوقی بر پایه نسخه دوم");
  await second.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(second.locator("#draft-conflict")).toContainText("نسخه ۳");
  await expect(second.getByLabel("متن پیشنهادی اصلاحیه")).toHaveValue("متن مدیر حقوقی بر پایه نسخه دوم");
  await checkAccessibility(second);
  // Saved again on top of the newer version, it is taken.
  await second.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(second.locator("#drafts")).toContainText("آخرین نسخه (۴)");

  // The director submits to the committee from a page read before another change.
  await first.goto(gapPath);
  await second.goto(gapPath);
  await first.getByLabel("متن پیشنهادی اصلاحیه").fill("نسخه پنجم");
  await first.getByRole("button", { name: "ثبت نسخه" }).click();
  await expect(first.locator("#drafts")).toContainText("آخرین نسخه (۵)");
  await second.getByRole("button", { name: "ارسال به کمیسیون مشترک" }).click();
  await expect(second.locator("#conflict")).toContainText("تغییر کرده است");
  await second.getByRole("button", { name: "ارسال به کمیسیون مشترک" }).click();
  await expect(second.locator(".facts")).toContainText("در دستور کمیسیون مشترک");
});

test("a form without its CSRF token is refused and changes nothing", async ({ page }) => {
  await signIn(page, "tehran.director");
  await page.goto(gapPath);
  const before = await page.locator(".timeline li").count();
  const response = await page.request.post(gapPath + "/watch", { form: { watch: "on" } });
  expect(response.status()).toBe(403);
  const forged = await page.request.post(gapPath + "/transitions", {
    form: { transition: "withdraw", expected_version: "1", comment: "x", csrf: "0".repeat(64) },
  });
  expect(forged.status()).toBe(403);
  await page.reload();
  await expect(page.locator(".timeline li")).toHaveCount(before);
  await expect(page.getByRole("button", { name: "دنبال کردن", exact: true })).toBeVisible();
});

test("a Mashhad user never sees the confidential Tehran gap", async ({ page }) => {
  await signIn(page, "mashhad.director");
  await expect(page.locator("main")).not.toContainText(TITLE);
  await page.goto("/gaps");
  await expect(page.locator("#results")).not.toContainText(TITLE);
  await page.goto("/gaps/board");
  await expect(page.locator("#board")).not.toContainText(TITLE);
  await page.goto("/search?q=" + encodeURIComponent("باغات"));
  await expect(page.locator("main")).not.toContainText(TITLE);
  const response = await page.goto(gapPath);
  expect(response.status()).toBe(404);
  await expect(page.locator("main")).not.toContainText(TITLE);
  const diff = await page.goto(gapPath + "/diff");
  expect(diff.status()).toBe(404);
  await checkAccessibility(page);
});

test("search finds the drafts and gaps, with the words marked", async ({ page }) => {
  await signIn(page, "tehran.director");
  await page.goto("/search");
  await page.getByLabel(/در خلأها/).fill("باغات");
  await page.getByRole("button", { name: "جست‌وجو" }).click();
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await checkAccessibility(page);
  await screenshots(page, "search");
  await page.goto("/gaps/board");
  await checkAccessibility(page);
  await screenshots(page, "board");
});

let meetingPath = "";

test("the committee meets: no decision without quorum, three cities vote from their own sessions, the minutes show every vote", async ({ browser }) => {
  const secretary = await personPage(browser);
  await signIn(secretary, "secretary");
  await secretary.getByRole("link", { name: "جلسه‌ها", exact: true }).click();
  await expect(secretary.getByRole("heading", { level: 1 })).toHaveText("جلسه‌های کمیسیون مشترک حقوقی");
  await checkAccessibility(secretary);
  await secretary.getByRole("link", { name: "برنامه‌ریزی جلسه تازه" }).click();
  await secretary.getByLabel(/^تاریخ/).fill("۱۴۰۵-۰۹-۲۰");
  await secretary.keyboard.press("Escape");
  await expect(secretary.locator("jdp-container")).toBeHidden();
  await secretary.getByLabel(/^ساعت/).fill("۱۰:۳۰");
  await secretary.getByLabel("محل").fill("تهران، تالار شورای شهر");
  await secretary.getByLabel(new RegExp(TITLE)).check();
  await checkAccessibility(secretary);
  await secretary.getByRole("button", { name: "ثبت جلسه" }).click();
  await expect(secretary.getByRole("heading", { level: 1 })).toContainText("جلسه کمیسیون مشترک حقوقی");
  meetingPath = new URL(secretary.url()).pathname;
  await expect(secretary.locator("#item-1")).toContainText(TITLE);

  // The agenda is set on its own page; the gap already on it stays checked.
  await secretary.getByRole("link", { name: "تنظیم دستور جلسه" }).click();
  await expect(secretary.getByRole("heading", { level: 1 })).toContainText("دستور جلسه");
  await expect(secretary.getByLabel(new RegExp(TITLE))).toBeChecked();
  await checkAccessibility(secretary);
  await screenshots(secretary, "agenda");
  await secretary.getByRole("button", { name: "ثبت دستور جلسه" }).click();
  await expect(secretary).toHaveURL(new RegExp(meetingPath + "$"));
  await expect(secretary.locator("#item-1")).toContainText(TITLE);

  // Nobody is recorded present: the decision is refused, and says why.
  await secretary.getByLabel("تصمیم کمیسیون").selectOption("approve");
  await secretary.getByRole("button", { name: "ثبت تصمیم" }).click();
  await expect(secretary.locator("#error-summary")).toContainText("quorum");
  await checkAccessibility(secretary);
  for (const city of ["تهران", "مشهد", "اصفهان"]) await secretary.getByLabel(city, { exact: true }).check();
  await secretary.getByRole("button", { name: "ثبت حضور" }).click();
  await expect(secretary.locator("#item-1 .tally")).toContainText("حد نصاب هست");

  // Each member votes on their own screen; Tehran's with the keyboard alone.
  const tehran = await personPage(browser);
  await signIn(tehran, "tehran.member");
  await tehran.goto(meetingPath);
  await tabTo(tehran, /^موافق\s*$/);
  await tehran.keyboard.press("Enter");
  await expect(tehran.locator("#item-1 button[aria-pressed=true]")).toHaveText("موافق");
  await checkAccessibility(tehran);
  const mashhad = await personPage(browser);
  await signIn(mashhad, "mashhad.member");
  await mashhad.goto(meetingPath);
  await expect(mashhad.locator("#item-1")).toContainText("محرمانه");
  await expect(mashhad.locator("main")).not.toContainText(TITLE);
  await mashhad.locator("#item-1").getByRole("button", { name: "موافق" }).click();
  const isfahan = await personPage(browser);
  await signIn(isfahan, "isfahan.member");
  await isfahan.goto(meetingPath);
  await isfahan.locator("#item-1").getByRole("button", { name: "مخالف" }).click();

  // The secretary's page, not reloaded, shows the votes as they arrived.
  await expect(secretary.locator("#item-1 .tally")).toContainText("موافق: ۲", { timeout: 15000 });
  await expect(secretary.locator("#item-1 .tally")).toContainText("مخالف: ۱");
  await expect(secretary.locator("#item-1 .tally")).toContainText("تصویب: ۲ رأی از ۲ رأی لازم — به دست آمده");
  await screenshots(secretary, "meeting");
  await secretary.reload();
  await secretary.getByLabel("تصمیم کمیسیون").selectOption("approve");
  await secretary.getByLabel("توضیح تصمیم").fill("با دو رأی موافق و یک مخالف تصویب شد.");
  await secretary.getByRole("button", { name: "ثبت تصمیم" }).click();
  await expect(secretary.locator("#item-1 .tally")).toContainText("تصمیم: تصویب");
  await secretary.goto(gapPath);
  await expect(secretary.locator(".facts")).toContainText("تصویب‌شده در کمیسیون");

  await secretary.goto(meetingPath + "/minutes");
  const votes = secretary.locator("table").first();
  await expect(votes).toContainText("تهران");
  await expect(votes.locator("tr", { hasText: "اصفهان" })).toContainText("مخالف");
  await expect(votes.locator("tr", { hasText: "مشهد" })).toContainText("موافق");
  await expect(secretary.locator("main")).toContainText("امضای حاضران");
  await checkAccessibility(secretary);
  await screenshots(secretary, "minutes");

  await mashhad.goto(meetingPath + "/minutes");
  await expect(mashhad.locator("main")).not.toContainText(TITLE);
  await mashhad.goto("/meetings");
  await expect(mashhad.locator("main")).not.toContainText(TITLE);
  await screenshots(mashhad, "meetings");
});

test("before a meeting the cities propose and rank its agenda; a city that has not yet is reminded on its desk", async ({ browser }) => {
  const secretary = await personPage(browser);
  await signIn(secretary, "secretary");
  await secretary.goto("/meetings/new");
  await secretary.getByLabel(/^تاریخ/).fill("۱۴۹۹-۰۱-۱۵");
  await secretary.keyboard.press("Escape");
  await secretary.getByLabel(/^ساعت/).fill("۰۹:۰۰");
  await secretary.getByLabel("محل").fill(`مشهد، تالار شورا ${RUN}`);
  await secretary.getByRole("button", { name: "ثبت جلسه" }).click();
  await expect(secretary.getByRole("heading", { level: 1 })).toContainText("جلسه کمیسیون مشترک حقوقی");
  const address = new URL(secretary.url()).pathname;
  await secretary.getByLabel(/^آخرین روز پذیرش پیشنهاد/).fill("۱۴۹۹-۰۱-۱۰");
  await secretary.keyboard.press("Escape");
  await secretary.getByRole("button", { name: "آغاز نظرخواهی" }).click();
  await expect(secretary.locator("#consultation")).toContainText("۱۰ فروردین ۱۴۹۹");

  const propose = async (username, title) => {
    const page = await personPage(browser);
    await signIn(page, username);
    await page.goto(address);
    await page.getByLabel("نوع").selectOption("topic");
    await page.getByLabel("عنوان موضوع آزاد").fill(title);
    await page.getByRole("button", { name: "ثبت پیشنهاد" }).click();
    await expect(page.locator("#consultation")).toContainText(title);
    return page;
  };
  const tehran = await propose("tehran.director", `نرخ واحد عوارض پسماند ${RUN}`);
  await propose("mashhad.director", `مهلت تملک اراضی طرح‌ها ${RUN}`);
  await tehran.reload();
  await checkAccessibility(tehran);
  await tehran.getByLabel("رتبه شما برای این پیشنهاد").first().fill("۱");
  await tehran.getByRole("button", { name: "ثبت رتبه‌بندی" }).click();
  await expect(tehran.getByLabel("رتبه شما برای این پیشنهاد").first()).toHaveValue("۱");

  // Isfahan has neither proposed nor ranked: its desk says so and leads to the form.
  const isfahan = await personPage(browser);
  await signIn(isfahan, "isfahan.director");
  await isfahan.getByRole("link", { name: new RegExp(`دستور جلسه ۱۵ فروردین ۱۴۹۹، مشهد، تالار شورا ${RUN}`) }).click();
  await expect(isfahan.getByRole("button", { name: "ثبت پیشنهاد" })).toBeVisible();
  await checkAccessibility(isfahan);
});

test("Tehran's liaison officer takes the endorsed gap through the Majlis to a law", async ({ browser }) => {
  const liaison = await personPage(browser);
  await signIn(liaison, "tehran.liaison");
  await liaison.getByRole("link", { name: "مجلس", exact: true }).click();
  await expect(liaison.getByRole("heading", { level: 1 })).toHaveText("طرح‌ها و لوایح در مجلس");
  await liaison.getByRole("link", { name: "ثبت طرح یا لایحه تازه" }).click();
  await liaison.getByLabel("عنوان").fill(`لایحه رفع ابهام عوارض تغییر کاربری ${RUN}`);
  await liaison.getByLabel("مسیر تقدیم").selectOption("government_bill");
  await liaison.getByLabel("فوریت").selectOption("single");
  await liaison.getByLabel("کمیسیون اصلی").fill("کمیسیون قضایی و حقوقی");
  await liaison.getByLabel(new RegExp(TITLE)).check();
  await checkAccessibility(liaison);
  await liaison.getByRole("button", { name: "ثبت", exact: true }).click();
  await expect(liaison.locator(".facts")).toContainText("تقدیم‌شده");
  const billPath = new URL(liaison.url()).pathname;

  /** Fires the stage whose form is headed `label`, with a Jalali date and a session number. */
  async function stage(label, date, fields = {}) {
    const form = liaison.locator("form", { has: liaison.getByRole("heading", { name: label, exact: true }) });
    if (date) {
      await form.getByLabel("تاریخ (شمسی)").fill(date);
      await liaison.keyboard.press("Escape");
      await expect(liaison.locator("jdp-container")).toBeHidden();
    }
    for (const [name, value] of Object.entries(fields)) await form.getByLabel(name).fill(value);
    await form.getByRole("button", { name: label }).click();
  }
  await stage("اعلام وصول", "۱۴۰۵-۰۹-۱۲", { "شماره جلسه علنی": "۲۱۴" });
  await expect(liaison.locator(".facts")).toContainText("اعلام وصول‌شده");
  await stage("ارجاع به کمیسیون", "۱۴۰۵-۰۹-۱۴");
  await expect(liaison.locator(".facts")).toContainText("در کمیسیون");
  await stage("ارائه گزارش کمیسیون", "۱۴۰۵-۰۹-۲۰");
  await stage("طرح کلیات در صحن", "۱۴۰۵-۰۹-۲۵");
  await stage("تصویب کلیات", "۱۴۰۵-۰۹-۲۶");
  await stage("ارسال به شورای نگهبان", "۱۴۰۵-۱۰-۰۱");
  await expect(liaison.locator(".facts")).toContainText("در شورای نگهبان");
  await expect(liaison.locator("#timeline")).toContainText("۱۲ آذر ۱۴۰۵");
  await expect(liaison.locator("#timeline")).toContainText("۲۱۴");

  // The Council objects to an article; its approval waits until the objection is resolved.
  await liaison.getByLabel("ماده", { exact: true }).fill("ماده ۲");
  await liaison.getByLabel("نوع ایراد").selectOption("constitution");
  await liaison.getByLabel("متن ایراد").fill("اطلاق ماده ۲ مغایر اصل ۷۵ قانون اساسی شناخته شد.");
  await liaison.getByRole("button", { name: "ثبت ایراد" }).click();
  await expect(liaison.locator("#objections")).toContainText("اطلاق ماده ۲");
  await expect(liaison.getByRole("heading", { name: "تأیید شورای نگهبان", exact: true })).toHaveCount(0);
  await expect(liaison.locator("#objections")).toContainText("پس از رفع همه ایرادها");
  await liaison.getByLabel("پاسخ مجلس به ایراد ۱").fill("بار مالی ماده ۲ حذف شد.");
  await liaison.getByLabel("ایراد ۱ رفع شده است").check();
  await liaison.getByRole("button", { name: "ثبت پاسخ" }).click();
  await expect(liaison.locator("#objections")).toContainText("رفع شد");
  await stage("تأیید شورای نگهبان", "۱۴۰۵-۱۰-۰۵");
  await expect(liaison.locator(".facts")).toContainText("تأییدشده");
  await stage("ابلاغ قانون", "۱۴۰۵-۱۰-۱۰", { "شماره و تاریخ قانون": "۱۲۳۴/۱۰۰ مورخ ۱۴۰۵/۱۰/۱۰" });
  await expect(liaison.locator(".facts")).toContainText("ابلاغ‌شده");
  await checkAccessibility(liaison);
  await screenshots(liaison, "bill");
  await liaison.getByRole("link", { name: "پرونده کامل برای چاپ" }).click();
  await expect(liaison.locator("main")).toContainText("مراحل در مجلس");
  await expect(liaison.locator("main")).toContainText("اطلاق ماده ۲");
  await checkAccessibility(liaison);
  await screenshots(liaison, "dossier");

  // The board, by keyboard: the promulgated bill's card opens its page.
  await liaison.goto("/bills");
  await checkAccessibility(liaison);
  await screenshots(liaison, "bills");
  await tabTo(liaison, new RegExp(`لایحه رفع ابهام عوارض تغییر کاربری ${RUN}`));
  await liaison.keyboard.press("Enter");
  await expect(liaison).toHaveURL(new RegExp(billPath + "$"));
  await liaison.goto(gapPath);
  await expect(liaison.locator(".facts")).toContainText("قانون شد");

  const mashhad = await personPage(browser);
  await signIn(mashhad, "mashhad.member");
  for (const path of [billPath, "/bills"]) {
    await mashhad.goto(path);
    await expect(mashhad.locator("main")).not.toContainText(TITLE);
  }
});

test("a legal director chooses a daily digest by e-mail; a bad address is named beside its field", async ({ page }) => {
  await signIn(page, "isfahan.director");
  await page.getByRole("link", { name: "ایمیل من" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خبرها با ایمیل");
  await expect(page.getByLabel("هرگز")).toBeChecked();
  await page.getByLabel("نشانی ایمیل").fill("legal at isfahan");
  await page.getByLabel("خلاصه روزانه").check();
  // The browser's own check of type=email would stop the form before the server sees it; the server's
  // refusal is what this test is about.
  await page.locator("form[action='/mail']").evaluate((f) => f.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "ثبت" }).click();
  await expect(page.locator("#f-address").locator("..")).toHaveClass(/has-error/);
  await expect(page.getByLabel("خلاصه روزانه")).toBeChecked();
  await checkAccessibility(page);
  await page.getByLabel("نشانی ایمیل").fill("legal@isfahan.ir");
  await page.getByRole("button", { name: "ثبت" }).click();
  await expect(page.getByRole("status")).toHaveText("انتخاب شما ثبت شد.");
  await expect(page.getByLabel("خلاصه روزانه")).toBeChecked();
  await expect(page.getByLabel("نشانی ایمیل")).toHaveValue("legal@isfahan.ir");
  await checkAccessibility(page);
  await screenshots(page, "mail");
});

test("a liaison officer changes the password on «my account»: a session elsewhere ends, this one stays", async ({ browser }) => {
  const here = await personPage(browser);
  const elsewhere = await personPage(browser);
  await signIn(here, "isfahan.liaison");
  await signIn(elsewhere, "isfahan.liaison");
  await here.getByRole("link", { name: "حساب من" }).click();
  await expect(here.getByRole("heading", { level: 1 })).toHaveText("حساب من");
  await checkAccessibility(here);
  await screenshots(here, "account");
  const change = async (current, next, again) => {
    await here.locator("#f-current_password").fill(current);
    await here.locator("#f-new_password").fill(next);
    await here.locator("#f-new_password_again").fill(again);
    await here.getByRole("button", { name: "ثبت گذرواژه تازه" }).click();
  };
  const NEW = `${PASSWORD} تازه`;
  await change(PASSWORD, NEW, `${NEW}!`);
  await expect(here.locator("#f-new_password_again").locator("..")).toHaveClass(/has-error/);
  await expect(here.locator("#f-new_password")).toHaveValue("");  // a password is never sent back
  await checkAccessibility(here);
  await change(PASSWORD, NEW, NEW);
  await expect(here.getByRole("status")).toContainText("گذرواژه تازه ثبت شد");
  await elsewhere.goto("/");
  await expect(elsewhere.getByRole("button", { name: "ورود" })).toBeVisible();
  // Back to the demo password, so that a later run on the same store signs in as before.
  await change(NEW, PASSWORD, PASSWORD);
  await expect(here.getByRole("status")).toContainText("گذرواژه تازه ثبت شد");
  await here.goto("/");
  await expect(here.getByRole("heading", { level: 1 })).toHaveText("میز کار");
});

test("a legal director reads the rulings registry, a ruling and everything on its provision", async ({ page }) => {
  await signIn(page, "tehran.director");
  await page.getByRole("link", { name: "آرا", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("آرای دادگاه‌ها");
  await page.getByLabel("نتیجه").selectOption("adverse");
  await page.getByRole("button", { name: "نمایش" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("به زیان شهرداری");
  await checkAccessibility(page);
  await screenshots(page, "rulings");
  await page.locator("tbody tr a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "خلأهایی که این رأی به آن‌ها مربوط است" })).toBeVisible();
  await checkAccessibility(page);
  await page.locator(".facts a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "آرای دادگاه‌ها" })).toBeVisible();
  await checkAccessibility(page);
  await screenshots(page, "provision");
});

test("two courts go both ways on one article: the desk shows it, the secretary asks for a uniform precedent, a city argues", async ({ browser }) => {
  const law = `قانون نمونه تعارض ${RUN}`;
  const register = async (username, outcome, number) => {
    const page = await personPage(browser);
    await signIn(page, username);
    await page.goto("/rulings/new");
    await page.getByLabel("دادگاه", { exact: true }).fill("دیوان عدالت اداری");
    await page.getByLabel("شعبه", { exact: true }).fill(outcome === "adverse" ? "شعبه ۳" : "شعبه ۹");
    await page.getByLabel("شماره دادنامه", { exact: true }).fill(number);
    await page.getByLabel("تاریخ رأی (شمسی)").fill("۱۴۰۵-۰۸-۰۱");
    await page.getByLabel("نتیجه برای شهرداری").selectOption(outcome);
    await page.getByLabel("خلاصه رأی").fill(outcome === "adverse" ? "ابطال مصوبه" : "رد شکایت");
    await page.getByLabel("قانون ۱").fill(law);
    await page.getByLabel("ماده ۱").fill("ماده ۵");
    await page.getByRole("button", { name: "ثبت رأی" }).click();
    await expect(page.getByRole("status")).toContainText("رأی ثبت شد");
    return page;
  };
  const tehran = await register("tehran.director", "adverse", `۹۰۱-${RUN}`);
  await register("mashhad.director", "favourable", `۹۰۲-${RUN}`);

  // Every legal director's desk shows the pair; the ruling's own page too.
  await tehran.reload();
  await expect(tehran.locator("#conflicts")).toContainText(law);
  await tehran.goto("/");
  await expect(tehran.locator(".conflicts")).toContainText(law);
  await expect(tehran.getByRole("link", { name: "درخواست رأی وحدت رویه" })).toHaveCount(0);

  const secretary = await personPage(browser);
  await signIn(secretary, "secretary");
  await secretary.goto("/conflicts?provision=" + encodeURIComponent(`${law} — ماده ۵`));
  await checkAccessibility(secretary);
  await screenshots(secretary, "conflicts");
  await secretary.getByRole("link", { name: "درخواست رأی وحدت رویه" }).click();
  await secretary.getByLabel(/^مسئله حقوقی/).fill("آیا شورا در وضع این عوارض صالح است؟");
  await secretary.getByRole("button", { name: "گشودن درخواست" }).click();
  await expect(secretary.getByRole("heading", { level: 1 })).toContainText("P-");
  const address = secretary.url();

  await tehran.goto(address);
  await tehran.getByLabel("استدلال تهران").fill("وضع عوارض در صلاحیت شوراست.");
  await tehran.getByRole("button", { name: "ذخیره استدلال" }).click();
  await expect(tehran.locator("#arguments")).toContainText("وضع عوارض در صلاحیت شوراست.");
  await checkAccessibility(tehran);
  await secretary.reload();
  await expect(secretary.getByRole("button", { name: "تقدیم به هیئت عمومی" })).toBeVisible();
  await screenshots(secretary, "precedent");
});

test("Tehran asks the committee; the secretary assigns, a member answers, the opinion is published for every city", async ({ browser }) => {
  const question = `آیا عوارض تغییر کاربری باغات پیش از صدور پروانه قابل وصول است؟ ${RUN}`;
  const director = await personPage(browser);
  await signIn(director, "tehran.director");
  await director.getByRole("link", { name: "استعلام‌ها", exact: true }).click();
  await director.getByRole("link", { name: "استعلام تازه" }).click();
  await checkAccessibility(director);
  await director.getByLabel("موضوع", { exact: true }).fill(`عوارض تغییر کاربری باغات ${RUN}`);
  await director.getByLabel(/^پرسش/).fill(question);
  await director.getByLabel("قانون ۱").fill("قانون حفظ کاربری اراضی زراعی و باغ‌ها");
  await director.getByLabel("ماده ۱").fill("ماده ۲");
  await director.getByRole("button", { name: "فرستادن به کمیته" }).click();
  await expect(director.getByRole("heading", { level: 1 })).toHaveText(`عوارض تغییر کاربری باغات ${RUN}`);
  const address = director.url();

  const secretary = await personPage(browser);
  await signIn(secretary, "secretary");
  await secretary.goto(address);
  await secretary.getByLabel("پاسخ‌دهنده").selectOption("mashhad.member");
  await secretary.getByRole("button", { name: "ارجاع برای پاسخ" }).click();
  await expect(secretary.locator(".facts")).toContainText("ارجاع‌شده");
  await checkAccessibility(secretary);

  const member = await personPage(browser);
  await signIn(member, "mashhad.member");
  await member.goto(address);
  await member.getByLabel("متن پاسخ کمیته").fill("وصول پیش از صدور پروانه مجاز نیست.");
  await member.getByRole("button", { name: "ذخیره نسخه تازه پاسخ" }).click();
  await member.getByLabel("متن پاسخ کمیته").fill("وصول پیش از صدور پروانه و تغییر کاربری قطعی مجاز نیست.");
  await member.getByRole("button", { name: "ذخیره نسخه تازه پاسخ" }).click();
  await expect(member.locator("#answer")).toContainText("نسخه ۲");
  await member.getByRole("button", { name: "ثبت پاسخ" }).click();
  await expect(member.locator(".facts")).toContainText("پاسخ داده‌شده");

  await secretary.reload();
  await secretary.getByRole("button", { name: "انتشار نظریه" }).click();
  await expect(secretary.locator(".facts")).toContainText("منتشرشده");

  const mashhad = await personPage(browser);
  await signIn(mashhad, "mashhad.director");
  await mashhad.goto("/opinions?state=published");
  await checkAccessibility(mashhad);
  await screenshots(mashhad, "opinions");
  await mashhad.getByRole("link", { name: new RegExp(`عوارض تغییر کاربری باغات ${RUN}`) }).click();
  await expect(mashhad.locator("#answer")).toContainText("تغییر کاربری قطعی مجاز نیست");
  await mashhad.getByText("نسخه‌های پیشین").last().click();
  await expect(mashhad.locator("#answer details")).toContainText("وصول پیش از صدور پروانه مجاز نیست.");
  await checkAccessibility(mashhad);
  await screenshots(mashhad, "opinion");
});

test("the admin adds an account and its webhook page, only an admin sees the administration", async ({ browser }) => {
  const admin = await personPage(browser);
  await admin.goto("/login");
  await admin.getByLabel("نام کاربری").fill("admin");
  await admin.getByLabel("گذرواژه").fill(process.env.LACUNA_ADMIN_PASSWORD);
  await admin.getByRole("button", { name: "ورود" }).click();
  await admin.getByRole("link", { name: "مدیریت" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("کاربران");
  await admin.getByLabel(/^نام کاربری/).fill(`shiraz.director.${RUN}`);
  await admin.getByLabel("گذرواژه نخست").fill("a-long-first-password");
  await admin.getByRole("checkbox", { name: /مدیر حقوقی/ }).check();
  await admin.getByRole("button", { name: "افزودن کاربر" }).click();
  // A city role without a city is refused beside the field, what was typed kept.
  await expect(admin.locator(".error-summary")).toBeVisible();
  await expect(admin.getByLabel(/^نام کاربری/)).toHaveValue(`shiraz.director.${RUN}`);
  await checkAccessibility(admin);
  await admin.getByLabel("گذرواژه نخست").fill("a-long-first-password");
  await admin.getByLabel(/^شهر/).selectOption("isfahan");
  await admin.getByRole("button", { name: "افزودن کاربر" }).click();
  await expect(admin.getByRole("status")).toContainText("حساب ساخته شد");
  await checkAccessibility(admin);
  await screenshots(admin, "admin-user");
  await admin.goto("/admin/users");
  await screenshots(admin, "admin-users");
  await admin.goto("/admin/webhooks");
  await checkAccessibility(admin);
  await admin.getByRole("link", { name: "صندوق ارسال نامه‌ها" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("صندوق ارسال نامه‌ها");
  await expect(admin.getByRole("link", { name: "ناموفق" })).toBeVisible();
  await checkAccessibility(admin);

  const director = await personPage(browser);
  await signIn(director, "tehran.director");
  await expect(director.getByRole("link", { name: "مدیریت" })).toHaveCount(0);
  const refused = await director.goto("/admin/users");
  expect(refused.status()).toBe(403);
});

test("a calendar program reads a person's feed: RFC 5545 as ical.js parses it, in UTC, titles in Persian", async ({ browser, playwright }) => {
  const ICAL = (await import("ical.js")).default;
  const director = await personPage(browser);
  await signIn(director, "tehran.director");
  await director.getByRole("link", { name: "تقویم من" }).click();
  await checkAccessibility(director);
  await director.getByRole("button", { name: "ساختن نشانی تازه" }).click();
  const first = await director.getByRole("textbox", { name: "نشانی", exact: true }).inputValue();
  await checkAccessibility(director);
  await screenshots(director, "calendar");

  // A calendar program has no session: a fresh client with no cookies.
  const program = await playwright.request.newContext();
  const answer = await program.get(first);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = await answer.text();
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstSubcomponent("vtimezone").getFirstPropertyValue("tzid")).toBe("Asia/Tehran");
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events.length).toBeGreaterThan(0);
  const meetings = events.filter((e) => e.uid.startsWith("meeting-"));
  expect(meetings.length).toBeGreaterThan(0);
  for (const e of events) {
    expect(e.summary).toMatch(/[\u0600-\u06FF]/);
    if (e.startDate.isDate) continue;
    expect(e.startDate.zone.tzid).toBe("UTC");
    expect(e.endDate.compare(e.startDate)).toBe(1);
  }
  // A new address replaces the old one at once.
  await director.getByRole("button", { name: "ساختن نشانی تازه" }).click();
  const second = await director.getByRole("textbox", { name: "نشانی", exact: true }).inputValue();
  expect(second).not.toBe(first);
  expect((await program.get(first)).status()).toBe(404);
  expect((await program.get(second)).status()).toBe(200);
  await program.dispose();
});
