#include "PageContext.h"
#include "PageText.h"
#include "PageViews.h"

// The mail outbox (admins): every message newest first, of one state or all, and a message given up on
// put back for one more attempt — after its person corrected the address, or the mail server came back.
namespace lacuna {
namespace {

constexpr std::size_t PAGE_SIZE = 50;

/// The states as an admin reads them, in the order of the filter.
const Choices& stateChoices() {
    static const Choices STATES = {
        {"pending", "در صف ارسال"}, {"failed", "ناموفق"}, {"sent", "فرستاده"}, {"withdrawn", "پس گرفته"}};
    return STATES;
}

/// Why a message could not be put back, in Persian, from MailService::retryRefusal's code.
std::string refusalText(const std::string& code) {
    if (code == "not_failed")
        return "این نامه دیگر در وضعیت «ناموفق» نیست؛ کسی پیش‌تر آن را به صف برگردانده است.";
    if (code == "account_disabled")
        return "حساب گیرنده غیرفعال است و به حساب غیرفعال نامه فرستاده نمی‌شود.";
    if (code == "no_address") return "گیرنده اکنون نشانی ایمیلی ثبت نکرده است.";
    if (code == "no_mail")
        return "گیرنده دیگر خبرها را با ایمیل نمی‌خواهد.";
    return "";
}

void showMessage(ctemplate::TemplateDictionary& row, const OutboxEntry& e) {
    const OutgoingMail& m = e.mail;
    row.SetIntValue("ID", static_cast<long>(m.id));
    row.SetValue("NUMBER", persianDigits(std::to_string(m.id)));
    row.SetIntValue("USER_ID", static_cast<long>(m.userId));
    row.SetValue("USERNAME", e.username);
    row.SetValue("RECIPIENT", m.recipient);
    row.SetValue("KIND", m.digestKey.starts_with("account:") ? "اعلان حساب" : "خبرنامه");
    row.SetValue("SUBJECT", m.subject);
    row.SetValue("STATE", m.state);
    row.SetValue("STATE_LABEL", choiceLabel(stateChoices(), m.state));
    row.SetValue("ATTEMPTS", persianDigits(std::to_string(m.attempts)));
    if (m.retries > 0)
        row.SetValueAndShowSection("RETRIES", persianDigits(std::to_string(m.retries)), "RETRIED");
    if (!m.lastError.empty() && m.state != "sent")
        row.SetValueAndShowSection("LAST_ERROR", m.lastError, "HAS_ERROR");
    showTime(row, "CREATED_AT", m.createdAt);
    if (m.sentAt)
        showTime(*row.AddSectionDictionary("SENT"), "AT", *m.sentAt);
    else if (m.state == "pending")
        showTime(*row.AddSectionDictionary("NEXT"), "AT", m.nextAttemptAt);
    if (m.state == "failed") row.ShowSection("RETRY");
}

void outboxPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"state", "cursor", "retried", "refused"});
    OutboxQuery wanted{query.text("state"), std::nullopt, PAGE_SIZE};
    if (wanted.state && wanted.state->empty()) wanted.state.reset();  // the filter's «all»
    if (const auto cursor = query.text("cursor")) wanted.before = decodePositive("cursor", *cursor);
    const OutboxPage found = page.api().mail.outbox(viewer, wanted);
    const MailBacklog backlog = page.api().mail.backlog(viewer);

    ctemplate::TemplateDictionary& dict = page.content();
    if (const auto retried = query.text("retried"))
        dict.SetValueAndShowSection("RETRIED_NUMBER", persianDigits(*retried), "JUST_RETRIED");
    if (const auto refused = query.text("refused"); refused && !refusalText(*refused).empty())
        dict.SetValueAndShowSection("REFUSAL", refusalText(*refused), "REFUSED");
    dict.SetValue("PENDING", persianDigits(std::to_string(backlog.pending)));
    dict.SetValue("FAILED", persianDigits(std::to_string(backlog.failed)));
    if (backlog.oldestPending) showTime(*dict.AddSectionDictionary("OLDEST"), "AT", *backlog.oldestPending);
    if (backlog.failed > 0) dict.ShowSection("ANY_FAILED");

    const std::string state = wanted.state.value_or("");
    ctemplate::TemplateDictionary* all = dict.AddSectionDictionary("FILTER");
    all->SetValue("LABEL", "همه");
    all->SetValue("HREF", "/admin/mail");
    if (state.empty()) all->ShowSection("CURRENT");
    for (const auto& [value, label] : stateChoices()) {
        ctemplate::TemplateDictionary* filter = dict.AddSectionDictionary("FILTER");
        filter->SetValue("LABEL", label);
        filter->SetValue("HREF", "/admin/mail?state=" + value);
        if (state == value) filter->ShowSection("CURRENT");
    }
    dict.SetValue("STATE_PARAM", state);
    dict.ShowSection(found.items.empty() ? "NO_MESSAGES" : "HAS_MESSAGES");
    for (const OutboxEntry& e : found.items) showMessage(*dict.AddSectionDictionary("MESSAGE"), e);
    if (found.next)
        dict.SetValueAndShowSection("OLDER_HREF",
                                    "/admin/mail?" + (state.empty() ? "" : "state=" + state + "&") +
                                        "cursor=" + std::to_string(*found.next),
                                    "HAS_OLDER");
    page.render("صندوق ارسال نامه‌ها", "admin_mail.tpl");
}

/// Puts a message given up on back in the queue, then the failed messages again with what became of it.
void retry(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    page.form();
    const std::int64_t id = page.exchange().idParam("id");
    try {
        page.api().mail.retry(viewer, id);
        page.redirect("/admin/mail?state=failed&retried=" + std::to_string(id) + "#messages");
    } catch (const StateConflict&) {
        const auto why = page.api().mail.retryRefusal(page.api().mail.message(viewer, id));
        page.redirect("/admin/mail?state=failed&refused=" + why.value_or("not_failed") + "#messages");
    }
}

}  // namespace

void addOutboxPage(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/admin/mail", outboxPage);
    addPage(router, api, site, "POST", "/admin/mail/{id}/retry", retry);
}

}  // namespace lacuna
