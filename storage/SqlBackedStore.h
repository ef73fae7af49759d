#pragma once

#include <memory>

#include "Errors.h"
#include "SearchIndex.h"
#include "SqlLegislation.h"
#include "Store.h"

namespace lacuna {

/// The part of a Store that both backends share: the repositories written once over SqlDatabase.
/// A backend's constructor hands over its SqlDatabase adapter with attach().
class SqlBackedStore : public Store {
public:
    DraftRepository& drafts() override { return _legislation->drafts; }
    MeetingRepository& meetings() override { return _legislation->meetings; }
    BillRepository& bills() override { return _legislation->bills; }
    RecordEventRepository& recordEvents() override { return _legislation->events; }
    InboxRepository& inbox() override { return _legislation->inbox; }
    WebhookRepository& webhooks() override { return _legislation->webhooks; }
    RulingRepository& rulings() override { return _legislation->rulings; }
    SearchRepository& search() override { return _legislation->search; }
    MergeRepository& merges() override { return _legislation->merges; }
    OpinionRepository& opinions() override { return _legislation->opinions; }

protected:
    void attach(std::unique_ptr<SqlDatabase> database) {
        _database = std::move(database);
        _legislation = std::make_unique<SqlLegislation>(*_database);
        _database->write([](SqlSession& s) { searchindex::backfillProvisionKeys(s); });
        // A store from before the search index: index its gaps once. Two instances starting at
        // once on one database may race here; the loser's transaction fails on the postings the
        // winner wrote and is simply dropped.
        try {
            _database->write([](SqlSession& s) { searchindex::backfillSearchIndex(s); });
        } catch (const AlreadyExists&) {
        }
    }

private:
    std::unique_ptr<SqlDatabase> _database;
    std::unique_ptr<SqlLegislation> _legislation;
};

}  // namespace lacuna
