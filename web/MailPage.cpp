#include "PageContext.h"
#include "PageText.h"
#include "PageViews.h"

// How a person hears of things by e-mail: the choice, and the messages sent.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

struct FrequencyText {
    const char* value;
    const char* label;
    const char* hint;
};

constexpr FrequencyText FREQUENCIES[] = {
    {"none", "هرگز", "تنها در میز کار"},
    {"immediate", "همان دم", "یک پیام برای هر دسته تغییر، چند دقیقه پس از آن"},
    {"daily", "خلاصه روزانه", "هر روز صبح"},
    {"weekly", "خلاصه هفتگی", "شنبه‌ها صبح"},
};

std::string stateText(const OutgoingMail& m) {
    if (m.state == "sent") return "فرستاده شد، " + jalaliDayTime(m.sentAt.value_or(m.createdAt));
    if (m.state == "withdrawn") return "فرستاده نشد: حساب شما پیش از آن غیرفعال شد";
    if (m.state == "failed")
        return "فرستاده نشد (پس از " + persianDigits(std::to_string(m.attempts)) + " بار کوشش)";
    if (m.attempts > 0) return "در صف؛ کوشش دوباره " + jalaliDayTime(m.nextAttemptAt);
    return "در صف ارسال";
}

/// The form as stored (or as typed, when it was refused) and the person's recent messages.
void show(PageContext& page, const Principal& viewer, const MailPreference& stored,
          const std::string& address, const std::string& frequency) {
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("CSRF", page.csrfToken());
    dict.SetIntValue("VERSION", static_cast<long>(stored.version));
    dict.SetValue("ADDRESS", address);
    for (const FrequencyText& f : FREQUENCIES) {
        ctemplate::TemplateDictionary* choice = dict.AddSectionDictionary("CHOICE");
        choice->SetValue("VALUE", f.value);
        choice->SetValue("LABEL", f.label);
        choice->SetValue("HINT", f.hint);
        if (frequency == f.value) choice->ShowSection("CHECKED");
    }
    const std::vector<OutgoingMail> messages = page.api().mail.messages(viewer);
    dict.ShowSection(messages.empty() ? "NO_MESSAGES" : "HAS_MESSAGES");
    for (const OutgoingMail& m : messages) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("MESSAGE");
        row->SetValue("SUBJECT", m.subject);
        row->SetValue("CREATED", jalaliDayTime(m.createdAt));
        row->SetValue("STATE", stateText(m));
        if (m.state != "sent" && !m.lastError.empty())
            row->SetValueAndShowSection("ERROR", m.lastError, "ERROR");
    }
}

void mailPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const auto query = pageQuery(page.exchange(), {"saved"});
    const MailPreference p = page.api().mail.preference(viewer);
    if (query.text("saved")) page.content().ShowSection("SAVED");
    show(page, viewer, p, p.address, p.frequency);
    page.render("خبرها با ایمیل", "mail.tpl");
}

void choose(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const FormFields form = page.form();
    const MailChoice choice{form.one("address"), form.one("frequency")};
    try {
        page.api().mail.choose(viewer, choice, formVersion(form, "expected_version", 0));
        page.redirect("/mail?saved=1");
    } catch (const ValidationError& e) {
        showFieldErrors(page, e);
        show(page, viewer, page.api().mail.preference(viewer), choice.address, choice.frequency);
        page.render("خبرها با ایمیل", "mail.tpl", refusedStatus(e));
    }
}

}  // namespace

void addMailPage(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/mail", mailPage);
    addPage(router, api, site, "POST", "/mail", choose);
}

}  // namespace lacuna
