#include <Poco/String.h>

#include "GapVisibility.h"
#include "ICalendar.h"
#include "PageText.h"
#include "PageViews.h"
#include "Reference.h"
#include "WebSite.h"

// A person's calendar feed (RFC 5545): the committee's meetings, the agenda consultations open to the
// person's city, and the deadlines of what the person may see, read by a calendar program without a session
// through a secret address the person can replace.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

constexpr std::int64_t DAY_MS = 24LL * 60 * 60 * 1000;
/// A meeting is put down for two hours.
constexpr std::int64_t MEETING_MINUTES = 120;

/// Where the service is reached from, as the request names it (behind a proxy: as the proxy says).
std::string origin(Exchange& ex) {
    const auto& request = ex.request();
    std::string scheme = request.get("X-Forwarded-Proto", "");
    if (scheme != "https" && scheme != "http") scheme = "http";
    return scheme + "://" + request.getHost();
}

std::vector<ical::Event> meetingEvents(const ApiServices& api, const Principal& owner,
                                       const std::string& base) {
    MeetingQuery q;
    q.from = api.clock.nowMs() - 90 * DAY_MS;
    q.limit = 100;
    q.earliestFirst = true;
    std::vector<ical::Event> events;
    for (const MeetingSummary& summary : api.meetings.summaries(owner, q)) {
        const Meeting& m = summary.meeting;
        ical::Event e;
        e.uid = "meeting-" + std::to_string(m.id) + "@lacuna";
        e.start = m.scheduledAt;
        e.durationMinutes = MEETING_MINUTES;
        e.summary = "جلسه کمیسیون مشترک حقوقی " + reference::meeting(m.id);
        e.location = m.place;
        e.description = jalaliDayTime(m.scheduledAt) +
                        "\nدستور جلسه: " + persianDigits(std::to_string(summary.agendaSize)) + " مورد" +
                        (m.state == "closed" ? "\nجلسه پایان یافته است." : "");
        e.url = base + "/meetings/" + std::to_string(m.id);
        e.lastModified = m.updatedAt;
        events.push_back(std::move(e));
    }
    return events;
}

/// The agenda consultations open to the person's city (a member city's legal director), as the inbox
/// lists them: all day on the consultation's last day, whether or not the city has proposed yet, since
/// proposals and rankings are taken until the end of it.
std::vector<ical::Event> consultationEvents(const ApiServices& api, const Principal& owner,
                                            const std::string& base) {
    std::vector<ical::Event> events;
    if (!api.meetings.consultingCity(owner)) return events;
    for (const Meeting& m : api.meetings.list(owner, std::string("scheduled"), 50)) {
        if (!api.meetings.consultationOpen(m)) continue;
        const AgendaConsultation& c = *m.consultation;
        ical::Event e;
        e.uid = "meeting-" + std::to_string(m.id) + "-consultation@lacuna";
        e.start = c.lastMoment();
        e.allDay = true;
        e.summary = "مهلت پیشنهاد دستور جلسه " + reference::meeting(m.id);
        e.description =
            "پیشنهاد و رتبه‌بندی پیشنهادهای شهرهای دیگر تا پایان " +
            jalaliDay(c.lastMoment()) + "\nجلسه: " + jalaliDayTime(m.scheduledAt) + "، " + m.place +
            (api.meetings.awaitsConsultationFrom(owner, m)
                 ? "\nاز شهر شما هنوز پیشنهاد یا رتبه‌بندی نرسیده است."
                 : "");
        e.url = base + "/meetings/" + std::to_string(m.id);
        e.lastModified = m.updatedAt;
        events.push_back(std::move(e));
    }
    return events;
}

std::vector<ical::Event> deadlineEvents(const ApiServices& api, const Principal& owner,
                                        const std::string& base) {
    DeadlineQuery q;
    q.withinMs = 90 * DAY_MS;
    q.limit = 300;
    std::vector<ical::Event> events;
    for (const Deadline& d : api.inbox.deadlines(owner, q)) {
        const bool gap = d.item.entityType == "gap";
        const Lifecycle& lifecycle = gap ? api.gaps.lifecycle() : api.bills.lifecycle();
        const LifecycleState* state = lifecycle.findState(d.item.state);
        ical::Event e;
        e.uid = d.item.entityType + "-" + std::to_string(d.item.id) + "-" + d.item.state + "-due@lacuna";
        e.start = d.item.dueAt;
        e.allDay = true;
        // The feed goes to whatever calendar service the person uses: a confidential gap is named by its
        // reference only, its title left on the service's own pages.
        const std::string title = gap && d.item.audience.confidential ? visibility::HIDDEN_GAP : d.item.title;
        e.summary = "مهلت " + d.item.reference + " — " + title;
        e.description = "مرحله: " + (state ? state->labelFa : d.item.state) +
                        "\nمهلت: " + jalaliDayTime(d.item.dueAt) + (d.overdue ? " (گذشته)" : "");
        e.url = base + (gap ? "/gaps/" : "/bills/") + std::to_string(d.item.id);
        events.push_back(std::move(e));
    }
    return events;
}

/// GET /feeds/{secret}/lacuna.ics — no session: the secret is the credential, checked at every fetch (a
/// replaced address, or an account's changed roles, take effect at once).
void feed(const ApiServices& api, Exchange& ex) {
    const auto owner = api.users.feedOwner(ex.textParam("secret"));
    if (!owner) throw NotFound("no such calendar feed");
    const std::string base = origin(ex);
    std::vector<ical::Event> events = meetingEvents(api, *owner, base);
    const std::vector<ical::Event> consultations = consultationEvents(api, *owner, base);
    const std::vector<ical::Event> deadlines = deadlineEvents(api, *owner, base);
    events.insert(events.end(), consultations.begin(), consultations.end());
    events.insert(events.end(), deadlines.begin(), deadlines.end());
    ex.response().set("Content-Disposition", "inline; filename=\"lacuna.ics\"");
    ex.response().set("Referrer-Policy", "no-referrer");
    ex.send(HTTPResponse::HTTP_OK, "text/calendar; charset=utf-8",
            ical::write("لاکونا — " + owner->username, events, api.clock.nowMs()), "private, no-store");
}

/// The page that tells a person how to subscribe and makes a new secret address.
void calendarPage(PageContext& page) {
    page.requireViewer();
    pageQuery(page.exchange(), {});
    page.render("تقویم در برنامه تقویم شما", "calendar.tpl");
}

void resetFeed(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    page.form();
    const std::string secret = page.api().users.resetFeed(viewer);
    // Only the secret's hash is kept: this answer is the one time the address is shown.
    const std::string url = origin(page.exchange()) + calendarFeedPath(secret);
    page.content().SetValueAndShowSection("FEED_URL", url, "NEW_FEED");
    page.content().SetValue("WEBCAL_URL", "webcal" + url.substr(url.find("://")));
    page.render("تقویم در برنامه تقویم شما", "calendar.tpl", HTTPResponse::HTTP_CREATED);
}

}  // namespace

void addCalendarFeed(Router& router, const ApiServices& api, const WebSite& site) {
    router.add("GET", "/feeds/{secret}/lacuna.ics", [&api](Exchange& ex) { feed(api, ex); });
    addPage(router, api, site, "GET", "/calendar", calendarPage);
    addPage(router, api, site, "POST", "/calendar/feed", resetFeed);
}

}  // namespace lacuna
