#pragma once

#include <optional>
#include <string>
#include <vector>

#include "PageContext.h"

// An account's live sessions as its owner («my account») and the admins (its page) see them.
namespace lacuna {

/// What a person would call the program `userAgent` names: a browser and the system it runs on
/// («Firefox، Windows»), a tool by its own name (at most 40 characters of it, never cut inside one), or
/// «نامعلوم» when it named nothing.
std::string describeUserAgent(const std::string& userAgent);

/// The live sessions of account `userId` as the include SESSIONS (sessions.tpl): when each signed in, from
/// where and with what, until when it holds, and a button that ends each but the viewer's own; the buttons
/// post to `endPath` + "/" + the session's id + "/end". When two or more may be ended, one more button posts
/// to `endPath` + "/end" to end them all. `endedAll`: how many the last such post ended, told at the top.
void showSessions(PageContext& page, ctemplate::TemplateDictionary& parent, std::int64_t userId,
                  const std::string& endPath, std::optional<std::int64_t> endedAll = std::nullopt);

/// Ends the session named in the path ({session}) of account `userId`, then goes to `back` with `ended=1`,
/// or with `gone=1` when it had ended already (a second click, or it expired meanwhile).
void endSessionFromPage(PageContext& page, std::int64_t userId, const std::string& back);

/// Ends every live session of account `userId` but the viewer's own, then goes to `back` with `ended_all=`
/// how many ended.
void endOtherSessionsFromPage(PageContext& page, std::int64_t userId, const std::string& back);

}  // namespace lacuna
