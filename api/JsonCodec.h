#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "Catalog.h"
#include "Gap.h"
#include "GapRepository.h"
#include "GapService.h"
#include "Lifecycle.h"
#include "User.h"
#include "UserService.h"
#include "Workflow.h"

namespace lacuna {

/// Request decoders: each checks types and refuses unknown members (no mass assignment), and
/// throws one ValidationError naming every bad field.
GapFields decodeNewGap(const Poco::JSON::Object::Ptr& body);
GapPatch decodeGapPatch(const Poco::JSON::Object::Ptr& body);
TransitionInput decodeTransition(const Poco::JSON::Object::Ptr& body);
NewUser decodeNewUser(const Poco::JSON::Object::Ptr& body);
/// {username, password}
std::pair<std::string, std::string> decodeLogin(const Poco::JSON::Object::Ptr& body);

/// Query string of GET /gaps → the request (filters, sort, page size, cursor).
GapListRequest decodeGapList(const std::map<std::string, std::string>& query);
/// An opaque cursor for the next page; it binds the sort it was made for.
std::string encodeCursor(const std::string& sort, const GapCursor& cursor);

/// Response encoders.
Poco::JSON::Object::Ptr encodeGap(const Gap& gap, const Lifecycle& lifecycle, const Catalog& catalog,
                                  const std::vector<const LifecycleTransition*>& available, bool editable);
Poco::JSON::Object::Ptr encodeEvent(const GapEvent& event, const Lifecycle& lifecycle);
Poco::JSON::Object::Ptr encodeUser(const User& user);
Poco::JSON::Object::Ptr encodeWorkflow(const Workflow& workflow);
Poco::JSON::Object::Ptr encodeMunicipality(const Municipality& municipality);
/// {iso, jalali} pair written as `<name>` and `<name>_jalali`.
void setTime(Poco::JSON::Object& object, const std::string& name, std::int64_t epochMs);

}  // namespace lacuna
