#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <map>
#include <regex>

#include "JalaliDate.h"
#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "PersianText.h"
#include "Reference.h"
#include "Roles.h"
#include "TextChecks.h"

// The committee's meetings: the calendar and list, a new meeting, a meeting's page and what is done on it
// (attendance, agenda, votes, decisions, closing), the live tally, the minutes and the roll-call.
namespace lacuna {
namespace {

/// The gaps a secretary chose for the agenda: those ticked, then those typed by reference in `add`
/// (separated by spaces or commas, Latin or Persian).
std::vector<std::string> agendaChosen(const FormFields& form) {
    std::vector<std::string> chosen = form.all("gap");
    std::string typed = form.one("add");
    for (const std::string comma : {"،", ","}) Poco::replaceInPlace(typed, comma, std::string(" "));
    for (const std::string& reference :
         Poco::StringTokenizer(typed, " \t\r\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY))
        if (std::find(chosen.begin(), chosen.end(), reference) == chosen.end()) chosen.push_back(reference);
    return chosen;
}

using Poco::Net::HTTPResponse;
constexpr std::int64_t DAY_MS = 24LL * 3600 * 1000;

// ---- the calendar and the list ----

/// The Jalali month `1405-09` of the query, or the current one in Iran.
JalaliDate monthOf(const QueryParams& query, std::int64_t now) {
    const auto text = query.text("month");
    if (!text) {
        JalaliDate d = jalaliDateInIran(now);
        return {d.year, d.month, 1};
    }
    static const std::regex MONTH("^(1[34][0-9]{2})-(0?[1-9]|1[0-2])$");
    std::smatch m;
    const std::string normal = normalizePersian(*text);
    if (!std::regex_match(normal, m, MONTH))
        throw ValidationError("bad month", {{"month", "invalid", "a Jalali month such as 1405-09"}});
    return {std::stoi(m[1]), std::stoi(m[2]), 1};
}

JalaliDate nextMonth(JalaliDate d) {
    return d.month == 12 ? JalaliDate{d.year + 1, 1, 1} : JalaliDate{d.year, d.month + 1, 1};
}
JalaliDate previousMonth(JalaliDate d) {
    return d.month == 1 ? JalaliDate{d.year - 1, 12, 1} : JalaliDate{d.year, d.month - 1, 1};
}
std::string monthParam(JalaliDate d) { return formatJalali(d).substr(0, 7); }

/// The month as weeks from Saturday to Friday, each day with its meetings.
void showCalendar(PageContext& page, const Principal& viewer, JalaliDate month) {
    ctemplate::TemplateDictionary& dict = page.content();
    const std::int64_t from = startOfJalaliDayInIran(month);
    const std::int64_t before = startOfJalaliDayInIran(nextMonth(month));
    MeetingQuery query;
    query.from = from;
    query.before = before;
    query.earliestFirst = true;
    query.limit = 100;
    const std::vector<MeetingSummary> meetings = page.api().meetings.summaries(viewer, query);
    dict.SetValue("MONTH_NAME", jalaliMonthName(month.year, month.month));
    dict.SetValue("PREVIOUS_LINK", linkWith("/meetings", {{"month", monthParam(previousMonth(month))}}));
    dict.SetValue("NEXT_LINK", linkWith("/meetings", {{"month", monthParam(nextMonth(month))}}));
    dict.SetValue("PREVIOUS_NAME", jalaliMonthName(previousMonth(month).year, previousMonth(month).month));
    dict.SetValue("NEXT_NAME", jalaliMonthName(nextMonth(month).year, nextMonth(month).month));
    // 1970-01-01 was a Thursday; the Iranian week starts on Saturday.
    const std::int64_t firstDay = (from + IRAN_OFFSET_MS) / DAY_MS;
    const int lead = static_cast<int>((firstDay + 5) % 7);
    const int days = jalaliMonthLength(month.year, month.month);
    const JalaliDate today = jalaliDateInIran(page.api().clock.nowMs());
    std::size_t next = 0;
    ctemplate::TemplateDictionary* week = nullptr;
    for (int cell = 0; cell < lead + days || cell % 7 != 0; ++cell) {
        if (cell % 7 == 0) week = dict.AddSectionDictionary("WEEK");
        ctemplate::TemplateDictionary* day = week->AddSectionDictionary("DAY");
        const int d = cell - lead + 1;
        if (d < 1 || d > days) {
            day->ShowSection("BLANK");
            continue;
        }
        ctemplate::TemplateDictionary* date = day->AddSectionDictionary("DATE");
        date->SetValue("DAY_FA", persianDigits(std::to_string(d)));
        if (today == JalaliDate{month.year, month.month, d}) date->ShowSection("TODAY");
        const std::int64_t end = startOfJalaliDayInIran(JalaliDate{month.year, month.month, d}) + DAY_MS;
        for (; next < meetings.size() && meetings[next].meeting.scheduledAt < end; ++next)
            showMeetingSummary(page, *date->AddSectionDictionary("MEETING"), meetings[next]);
    }
    if (meetings.empty()) dict.ShowSection("NO_MEETINGS_IN_MONTH");
}

void calendar(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"month"});
    const std::int64_t now = page.api().clock.nowMs();
    showCalendar(page, viewer, monthOf(query, now));
    // Beside the month: what comes next and what was decided last.
    MeetingQuery coming;
    coming.state = "scheduled";
    coming.from = now - DAY_MS;
    coming.earliestFirst = true;
    coming.limit = 10;
    for (const MeetingSummary& m : page.api().meetings.summaries(viewer, coming))
        showMeetingSummary(page, *page.content().AddSectionDictionary("COMING"), m);
    MeetingQuery past;
    past.state = "closed";
    past.limit = 10;
    for (const MeetingSummary& m : page.api().meetings.summaries(viewer, past))
        showMeetingSummary(page, *page.content().AddSectionDictionary("PAST"), m);
    if (viewer.hasRole(roles::COMMITTEE_SECRETARY)) page.content().ShowSection("MAY_SCHEDULE");
    page.render("جلسه‌های کمیسیون", "meetings.tpl");
}

// ---- a new meeting ----

/// When the meeting takes place: a Jalali day and a clock time in Iran.
std::int64_t readWhen(const FormFields& form, FieldErrors& errors) {
    const auto date = parseJalaliDate(form.one("date"));
    if (!date) errors.add("date", "invalid", JALALI_DATE_HINT);
    static const std::regex CLOCK("^([01]?[0-9]|2[0-3]):([0-5][0-9])$");
    std::smatch m;
    const std::string clock = normalizePersian(form.one("time"));
    if (!std::regex_match(clock, m, CLOCK)) errors.add("time", "invalid", "a time of day such as 10:30");
    if (!date || m.empty()) return 0;
    return startOfJalaliDayInIran(*date) + (std::stoll(m[1]) * 60 + std::stoll(m[2])) * 60000;
}

void showNewMeeting(PageContext& page, const FormFields* typed, const ValidationError* error) {
    ctemplate::TemplateDictionary& dict = page.content();
    if (typed) {
        dict.SetValue("DATE", typed->one("date"));
        dict.SetValue("TIME", typed->one("time"));
        dict.SetValue("PLACE", typed->one("place"));
    } else {
        dict.SetValue("TIME", "10:00");
    }
    // The agenda of an empty meeting: every gap awaiting the committee may join.
    showAgendaChoices(page, dict, Meeting{}, RefusedForm{"agenda", 0, typed, error});
}

void newMeeting(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    if (!viewer.hasRole(roles::COMMITTEE_SECRETARY))
        throw Forbidden("only the committee secretary schedules meetings");
    showNewMeeting(page, nullptr, nullptr);
    page.render("جلسه تازه", "meeting_new.tpl");
}

void create(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    createFromForm(
        page, "جلسه تازه", "meeting_new.tpl",
        [&](const FormFields& form) {
            FieldErrors errors;
            MeetingInput input;
            input.scheduledAt = readWhen(form, errors);
            input.place = form.one("place");
            checkText(errors, "place", input.place, 300,
                      true);  // reported with the date and time, not after them
            input.agenda = agendaChosen(form);
            errors.throwIfAny("the meeting is not valid");
            return "/meetings/" + std::to_string(page.api().meetings.create(viewer, input).id);
        },
        [&](const FormFields& form, const ValidationError& e) { showNewMeeting(page, &form, &e); });
}

// ---- a meeting's page ----

void meetingPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Meeting m = page.api().meetings.get(viewer, page.exchange().idParam("id"));
    showMeetingPage(page, m, {});
    page.render("جلسه " + reference::meeting(m.id), "meeting.tpl");
}

/// Takes a form on the meeting of the path (see submitForm); the page shows again when it is refused.
/// The meeting's page shows again at `anchor` (or at the item's) when the form is taken.
template <typename Change>
void changeMeeting(PageContext& page, const std::string& formName, std::int64_t item, Change change,
                   const std::string& anchor = "") {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, formName, item,
        [&](const FormFields& form) {
            change(viewer, id, form);
            return "/meetings/" + std::to_string(id) + (item ? "#item-" + std::to_string(item) : anchor);
        },
        [&](const RefusedForm& refused, HTTPResponse::HTTPStatus status) {
            const Meeting m = page.api().meetings.get(viewer, id);
            showMeetingPage(page, m, refused);
            page.render("جلسه " + reference::meeting(m.id), "meeting.tpl", status);
        });
}

void setAttendance(PageContext& page) {
    changeMeeting(page, "attendance", 0,
                  [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
                      MeetingPatch patch;
                      patch.present = form.all("present");
                      page.api().meetings.update(viewer, id, patch, formVersion(form));
                  });
}

// ---- the agenda, set on a page of its own: it lists every gap awaiting the committee, which the meeting's
// page, read by every member at every vote, has no need of ----

void showAgendaPage(PageContext& page, const Meeting& m, const RefusedForm& refused,
                    HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK) {
    if (!page.requireViewer().hasRole(roles::COMMITTEE_SECRETARY))
        throw Forbidden("only the committee secretary sets the agenda");
    if (m.state != "scheduled") throw StateConflict("meeting " + reference::meeting(m.id) + " is closed");
    ctemplate::TemplateDictionary& dict = page.content();
    showMeetingSummary(page, dict, summaryOf(m));
    dict.SetIntValue("VERSION", static_cast<long>(m.version));
    showAgendaChoices(page, dict, m, refused);
    page.render("دستور جلسه " + reference::meeting(m.id), "meeting_agenda.tpl", status);
}

void agendaPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    showAgendaPage(page, page.api().meetings.get(viewer, page.exchange().idParam("id")), {});
}

void setAgenda(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, "agenda", 0,
        [&](const FormFields& form) {
            MeetingPatch patch;
            patch.agenda = agendaChosen(form);
            page.api().meetings.update(viewer, id, patch, formVersion(form));
            return "/meetings/" + std::to_string(id);
        },
        [&](const RefusedForm& refused, HTTPResponse::HTTPStatus status) {
            showAgendaPage(page, page.api().meetings.get(viewer, id), refused, status);
        });
}

void closeMeeting(PageContext& page) {
    changeMeeting(page, "close", 0, [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
        MeetingPatch patch;
        patch.state = "closed";
        page.api().meetings.update(viewer, id, patch, formVersion(form));
    });
}

void vote(PageContext& page) {
    const std::int64_t item = page.exchange().idParam("item");
    changeMeeting(page, "vote", item, [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
        page.api().meetings.voteOnItem(viewer, id, item, form.one("vote"));
    });
}

void decide(PageContext& page) {
    const std::int64_t item = page.exchange().idParam("item");
    changeMeeting(
        page, "decision", item, [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            const Meeting m = page.api().meetings.get(viewer, id);
            if (item > static_cast<std::int64_t>(m.items.size()) || m.items[item - 1].gapId == 0)
                throw NotFound(reference::meeting(id) + " has no agenda item " + std::to_string(item));
            page.api().meetings.decide(viewer, id, m.items[item - 1].gapId, form.one("decision"),
                                       form.one("comment"), formVersion(form));
        });
}

// ---- the consultation of the member cities on the agenda ----

void openConsultation(PageContext& page) {
    changeMeeting(
        page, "consultation", 0,
        [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            page.api().meetings.openConsultation(viewer, id, form.one("closes_on"), formVersion(form));
        },
        "#consultation");
}

void propose(PageContext& page) {
    changeMeeting(
        page, "proposal", 0,
        [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            // The form has both fields; only the one the kind takes is sent on.
            ProposalInput input{form.one("kind"), Poco::trim(form.one("target")), form.one("title"),
                                form.one("note")};
            (input.kind == "topic" ? input.target : input.title).clear();
            page.api().meetings.propose(viewer, id, input);
        },
        "#consultation");
}

void withdrawProposal(PageContext& page) {
    const std::int64_t number = page.exchange().idParam("number");
    changeMeeting(
        page, "withdraw", 0,
        [&](const Principal& viewer, std::int64_t id, const FormFields&) {
            page.api().meetings.withdrawProposal(viewer, id, number);
        },
        "#consultation");
}

/// The order a city's ranking form gives: each proposal with a place typed (1 first), by that place.
std::vector<std::int64_t> rankingOrder(const FormFields& form) {
    const std::vector<std::string> numbers = form.all("proposal");
    const std::vector<std::string> ranks = form.all("rank");
    if (numbers.size() != ranks.size())
        throw ValidationError("the ranking is not valid",
                              {{"proposals", "invalid", "the form is incomplete"}});
    std::map<std::int64_t, std::int64_t> byPlace;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        if (Poco::trim(ranks[i]).empty()) continue;
        const auto place = wholeNumber(ranks[i]);
        const auto number = wholeNumber(numbers[i]);
        if (!place || *place < 1 || !number)
            throw ValidationError(
                "the ranking is not valid",
                {{"proposals", "invalid", "«" + ranks[i] + "» is not a place: 1, 2, 3, …"}});
        if (!byPlace.emplace(*place, *number).second)
            throw ValidationError(
                "the ranking is not valid",
                {{"proposals", "duplicate", "two proposals have place " + std::to_string(*place)}});
    }
    std::vector<std::int64_t> order;
    for (const auto& [place, number] : byPlace) order.push_back(number);
    return order;
}

void rank(PageContext& page) {
    changeMeeting(
        page, "ranking", 0,
        [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            page.api().meetings.rank(viewer, id, rankingOrder(form));
        },
        "#consultation");
}

void buildAgenda(PageContext& page) {
    changeMeeting(
        page, "build", 0,
        [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            std::vector<std::int64_t> chosen;
            for (const std::string& number : form.all("proposal"))
                if (const auto n = wholeNumber(number)) chosen.push_back(*n);
            page.api().meetings.buildAgenda(viewer, id, chosen, formVersion(form));
        },
        "#agenda");
}

/// The tallies of a meeting's page as votes arrive: nothing (204) while the meeting is at the version
/// the page shows; otherwise every item's tally, each put in place of its own, and the next question.
void tally(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"version"});
    const Meeting m = page.api().meetings.get(viewer, page.exchange().idParam("id"));
    if (const auto seen = query.text("version"); seen && wholeNumber(*seen) == m.version)
        return page.exchange().sendNoContent();
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetIntValue("ID", static_cast<long>(m.id));
    dict.SetIntValue("VERSION", static_cast<long>(m.version));
    for (const MeetingItem& item : m.items)
        showTally(page, *dict.AddSectionDictionary("ITEM"), m, item, true);
    if (m.state == "scheduled") dict.ShowSection("LIVE");
    page.renderFragment("tallies.tpl");
}

}  // namespace

void addMeetingPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/meetings", calendar);
    addPage(router, api, site, "POST", "/meetings", create);
    addPage(router, api, site, "GET", "/meetings/new", newMeeting);
    addPage(router, api, site, "GET", "/meetings/{id}", meetingPage);
    addPage(router, api, site, "GET", "/meetings/{id}/tally", tally);
    addPage(router, api, site, "POST", "/meetings/{id}/attendance", setAttendance);
    addPage(router, api, site, "GET", "/meetings/{id}/agenda", agendaPage);
    addPage(router, api, site, "POST", "/meetings/{id}/agenda", setAgenda);
    addPage(router, api, site, "POST", "/meetings/{id}/close", closeMeeting);
    addPage(router, api, site, "POST", "/meetings/{id}/items/{item}/vote", vote);
    addPage(router, api, site, "POST", "/meetings/{id}/items/{item}/decision", decide);
    addPage(router, api, site, "POST", "/meetings/{id}/consultation", openConsultation);
    addPage(router, api, site, "POST", "/meetings/{id}/proposals", propose);
    addPage(router, api, site, "POST", "/meetings/{id}/proposals/{number}/withdraw", withdrawProposal);
    addPage(router, api, site, "POST", "/meetings/{id}/ranking", rank);
    addPage(router, api, site, "POST", "/meetings/{id}/consultation/agenda", buildAgenda);
}

}  // namespace lacuna
