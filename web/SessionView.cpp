#include "SessionView.h"

#include <algorithm>
#include <utility>

#include "PageText.h"
#include "PageViews.h"
#include "PersianText.h"

namespace lacuna {

std::string describeUserAgent(const std::string& ua) {
    const auto has = [&](const char* part) { return ua.find(part) != std::string::npos; };
    // The order matters: Edge and Opera also say Chrome, Chrome also says Safari.
    static const std::vector<std::pair<const char*, const char*>> BROWSERS = {
        {"Edg/", "Edge"},        {"OPR/", "Opera"},     {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"},
        {"Chromium/", "Chrome"}, {"Safari/", "Safari"}, {"curl/", "curl"},       {"python", "Python"}};
    static const std::vector<std::pair<const char*, const char*>> SYSTEMS = {
        {"Android", "Android"}, {"iPhone", "iOS"},     {"iPad", "iPadOS"},
        {"Windows", "Windows"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"}};
    std::string browser, system;
    for (const auto& [mark, name] : BROWSERS)
        if (has(mark)) {
            browser = name;
            break;
        }
    for (const auto& [mark, name] : SYSTEMS)
        if (has(mark)) {
            system = name;
            break;
        }
    // A tool names itself first: «lacuna-sync/2.1 (…)».
    if (browser.empty()) browser = utf8Prefix(ua.substr(0, ua.find_first_of("/ (")), 40);
    if (browser.empty()) return "نامعلوم";
    return system.empty() ? browser : browser + "، " + system;
}

void showSessions(PageContext& page, ctemplate::TemplateDictionary& parent, std::int64_t userId,
                  const std::string& endPath, std::optional<std::int64_t> endedAll) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = *parent.AddIncludeDictionary("SESSIONS");
    dict.SetFilename("sessions.tpl");
    dict.ShowSection(viewer.userId == userId ? "OWN" : "OTHERS");
    if (endedAll)
        dict.SetValueAndShowSection("ENDED_COUNT", persianCount(*endedAll),
                                    *endedAll > 0 ? "ENDED_ALL" : "NONE_ENDED");
    const std::vector<SessionInfo> sessions = page.api().users.sessions(viewer, userId, page.sessionToken());
    const auto mayEnd =
        std::count_if(sessions.begin(), sessions.end(), [](const SessionInfo& s) { return !s.current; });
    if (mayEnd >= 2) {
        ctemplate::TemplateDictionary& all = *dict.AddSectionDictionary("MAY_END_ALL");
        all.SetValue("END_PATH", endPath);
        // At most SESSIONS_SHOWN are listed; the button ends every one, listed or not, but the viewer's own.
        all.ShowSection(viewer.userId == userId ? "EVERY_OTHER" : "EVERY_ONE");
    }
    for (const SessionInfo& s : sessions) {
        ctemplate::TemplateDictionary& row = *dict.AddSectionDictionary("SESSION");
        row.SetValue("ID", s.id);
        row.SetValue("DEVICE", describeUserAgent(s.userAgent));
        if (!s.userAgent.empty()) row.SetValueAndShowSection("USER_AGENT", s.userAgent, "HAS_USER_AGENT");
        if (!s.client.empty()) row.SetValueAndShowSection("CLIENT", s.client, "HAS_CLIENT");
        showTime(row, "SINCE", s.createdAt);
        showTime(row, "UNTIL", s.expiresAt);
        if (s.lastUsedAt) {
            ctemplate::TemplateDictionary& used = *row.AddSectionDictionary("USED");
            showTime(used, "AT", s.lastUsedAt);
            if (!s.lastClient.empty()) used.SetValueAndShowSection("CLIENT", s.lastClient, "HAS_CLIENT");
            // A token taken elsewhere shows itself here: used from an address it did not sign in from.
            if (!s.client.empty() && !s.lastClient.empty() && s.lastClient != s.client)
                used.ShowSection("MOVED");
        }
        row.SetValue("END_PATH", endPath);
        row.ShowSection(s.current ? "CURRENT" : "MAY_END");
    }
    if (sessions.empty()) dict.ShowSection("NONE");
}

void endSessionFromPage(PageContext& page, std::int64_t userId, const std::string& back) {
    const Principal& viewer = page.requireViewer();
    page.form();  // the CSRF token: another site may not end a person's sessions
    std::string outcome = "ended";
    try {
        page.api().users.endSession(viewer, userId, page.exchange().textParam("session"));
    } catch (const NotFound&) {
        outcome = "gone";
    }
    page.redirect(back + "?" + outcome + "=1#sessions");
}

void endOtherSessionsFromPage(PageContext& page, std::int64_t userId, const std::string& back) {
    const Principal& viewer = page.requireViewer();
    page.form();  // the CSRF token, as for one session
    const std::int64_t ended = page.api().users.endOtherSessions(viewer, userId, page.sessionToken());
    page.redirect(back + "?ended_all=" + std::to_string(ended) + "#sessions");
}

}  // namespace lacuna
