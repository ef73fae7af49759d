#include "PageContext.h"
#include "PageViews.h"

// The desk: what the signed-in person must do now.
namespace lacuna {
namespace {

/// The page of a record, where this site has one (bills and meetings get theirs with the committee pages).
std::string recordLink(const std::string& entityType, std::int64_t id, const std::string& reference) {
    if (entityType == "gap") return "/gaps/" + std::to_string(id);
    return linkWith("/search", {{"q", reference}});
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
        row->SetValue("LINK", recordLink(a.entityType, a.entityId, a.reference));
        row->SetValue("REFERENCE", a.reference);
        row->SetValue("TITLE", a.title);
        if (a.kind == "vote") {
            row->SetValue("WHAT", "رأی در جلسه کمیسیون، بند " + persianDigits(std::to_string(a.item)));
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

    std::size_t unread = 0;
    for (const Notification& n : inbox.notifications) {
        if (n.readAt) continue;
        ++unread;
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("NOTIFICATION");
        row->SetValue("LINK", recordLink(n.entityType, n.entityId, n.reference));
        row->SetValue("REFERENCE", n.reference);
        row->SetValue("SUMMARY", n.summary);
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
