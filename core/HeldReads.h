#pragma once

namespace lacuna {

/// While it lives, the reads this thread makes of one store share one read transaction (one snapshot)
/// and one connection, where the backend gains from that; ending it (destroying it) ends them. A write
/// on the thread ends the held reads first, so a read after a write always sees that write. One
/// request holds its reads: a page that reads a gap, its drafts and its history sees them as of one
/// moment, and on SQLite each statement no longer begins and ends a read transaction of its own.
class HeldReads {
public:
    virtual ~HeldReads() = default;
};

}  // namespace lacuna
