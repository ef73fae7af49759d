#pragma once

#include "BillService.h"
#include "Catalog.h"
#include "Clock.h"
#include "DraftService.h"
#include "Exchange.h"
#include "InboxService.h"
#include "MeetingService.h"
#include "OpinionService.h"
#include "UniformityService.h"
#include "WebhookService.h"
#include "Workflow.h"

namespace lacuna {

/// What the legislative lifecycle's routes call.
struct LegislationApi {
    GapService& gaps;
    UniformityService& uniformity;
    OpinionService& opinions;
    const Workflow& opinionWorkflow;
    DraftService& drafts;
    MeetingService& meetings;
    BillService& bills;
    InboxService& inbox;
    WebhookService& webhooks;
    RecordEventRepository& recordEvents;
    const Workflow& billWorkflow;
    const Catalog& catalog;
    const Clock& clock;
};

/// Drafts and diffs, meetings and minutes, bills, deadlines, inbox, watches and webhooks; rulings,
/// provisions, search and similar gaps.
void addLegislationRoutes(Router& router, const LegislationApi& api);

}  // namespace lacuna
