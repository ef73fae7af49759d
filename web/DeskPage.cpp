#include <regex>

#include "PageContext.h"
#include "PageViews.h"
#include "RulingView.h"

// The desk: what the signed-in person must do now.
namespace lacuna {
namespace {

/// A notification as a person reads it. The store keeps a gap event's summary as
/// "G-1405-0001: triaged → drafting (start_drafting)" (the API's inbox gives it so); the page names the
/// transition and the states in Persian from the workflow. Other summaries (a ruling's alert) are
/// already the words people wrote.
std::string notificationText(const ApiServices& api, const Notification& n) {
    if (n.entityType != "gap" || n.eventType.rfind("gap.", 0) != 0) return n.summary;
    const std::string type = n.eventType.substr(4);
    static const std::regex TRANSITION(": ([a-z_]+) → ([a-z_]+) \\(([a-z_]+)\\)$");
    std::smatch m;
    if (type != "transition" || !std::regex_search(n.summary, m, TRANSITION)) return gapEventLabel(type);
    const Lifecycle& lifecycle = api.gaps.lifecycle();
    const auto label = [&](const std::string& state) {
        const LifecycleState* s = lifecycle.findState(state);
        return s ? s->labelFa : state;
    };
    const LifecycleTransition* t = lifecycle.findTransition(m[3]);
    return (t ? t->labelFa : std::string(m[3])) + ": " + label(m[1]) + " ← " + label(m[2]);
}

void desk(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const ApiServices& api = page.api();
    constexpr std::int64_t WEEK_MS = 7LL * 24 * 3600 * 1000;
    ctemplate::TemplateDictionary& dict = page.content();

    const Inbox inbox = api.inbox.inbox(viewer, WEEK_MS, false);
    for (const InboxAction& a : inbox.actions) {
        if (a.kind == "deadline") continue;  // shown with the deadlines below
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ACTION");
        row->SetValue("LINK",
                      a.kind == "vote"
                          ? "/meetings/" + std::to_string(a.meetingId) + "#item-" + std::to_string(a.item)
                      : a.kind == "consultation" ? "/meetings/" + std::to_string(a.entityId) + "#consultation"
                                                 : recordLink(a.entityType, a.entityId, a.reference));
        row->SetValue("REFERENCE", a.reference);
        row->SetValue("TITLE", a.kind == "consultation"
                                   ? "دستور جلسه " + jalaliDay(a.meetingAt) + "، " + a.title
                                   : a.title);
        if (a.kind == "vote") {
            row->SetValue("WHAT", "رأی در جلسه کمیسیون، بند " + persianDigits(std::to_string(a.item)));
        } else if (a.kind == "consultation") {
            row->SetValue("WHAT", "پیشنهاد و رتبه‌بندی بندهای دستور جلسه");
        } else {
            std::string names;
            const Lifecycle& lifecycle = a.entityType == "gap" ? api.gaps.lifecycle() : api.bills.lifecycle();
            for (const std::string& t : a.transitions)
                if (const LifecycleTransition* tr = lifecycle.findTransition(t))
                    names += (names.empty() ? "" : "، ") + tr->labelFa;
            row->SetValue("WHAT", names);
        }
        if (a.dueAt) showTime(*row->AddSectionDictionary("DUE"), "DUE_AT", *a.dueAt, false);
    }
    if (inbox.actions.empty()) dict.ShowSection("NO_ACTIONS");

    std::vector<Deadline> deadlines = api.inbox.deadlines(viewer, DeadlineQuery{WEEK_MS});
    std::stable_sort(deadlines.begin(), deadlines.end(),
                     [](const Deadline& a, const Deadline& b) { return a.overdue > b.overdue; });
    for (const Deadline& d : deadlines) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("DEADLINE");
        row->SetValue("LINK", recordLink(d.item.entityType, d.item.id, d.item.reference));
        row->SetValue("REFERENCE", d.item.reference);
        row->SetValue("TITLE", d.item.title);
        const Lifecycle& lifecycle =
            d.item.entityType == "gap" ? api.gaps.lifecycle() : api.bills.lifecycle();
        if (const LifecycleState* s = lifecycle.findState(d.item.state))
            row->SetValue("STATE_LABEL", s->labelFa);
        showTime(*row, "DUE_AT", d.item.dueAt, false);
        row->ShowSection(d.overdue ? "OVERDUE" : "NOT_OVERDUE");
        if (d.actionable) row->ShowSection("ACTIONABLE");
    }
    if (deadlines.empty()) dict.ShowSection("NO_DEADLINES");

    // A ruling against one city is used against all of them: every pair that went both ways is everyone's.
    constexpr std::size_t CONFLICTS_SHOWN = 5, GAPS_EACH = 3;
    const std::vector<RulingConflict> conflicts = api.uniformity.conflicts(
        viewer, ConflictQuery{std::nullopt, std::nullopt, CONFLICTS_SHOWN, true}, GAPS_EACH);
    if (conflicts.empty()) dict.ShowSection("NO_CONFLICTS");
    showConflicts(page, dict, conflicts, true);

    std::size_t unread = 0;
    for (const Notification& n : inbox.notifications) {
        if (n.readAt) continue;
        ++unread;
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("NOTIFICATION");
        row->SetValue("LINK", recordLink(n.entityType, n.entityId, n.reference));
        row->SetValue("REFERENCE", n.reference);
        row->SetValue("SUMMARY", notificationText(api, n));
        showTime(*row, "AT", n.at);
    }
    if (unread == 0) dict.ShowSection("NO_NOTIFICATIONS");
    dict.SetValue("UNREAD", persianCount(static_cast<std::int64_t>(unread)));
    page.render("میز کار", "desk.tpl");
}

}  // namespace

void addDeskPage(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/", desk);
}

}  // namespace lacuna
