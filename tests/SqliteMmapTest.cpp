// SQLite reads through a memory map of the configured size (storage.sqlite.mmap_mib), on every pooled
// connection, and what is written is read back the same way, by readers that opened before and after.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "SqliteDatabase.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::int64_t mmapSize(SqliteConnection& c) {
    auto pragma = c.prepare("PRAGMA mmap_size");
    pragma.step();
    return pragma.integer(0);
}

}  // namespace

TEST_CASE("every pooled SQLite connection reads through the memory map it is configured with",
          "[storage][unit]") {
    const std::int64_t configured = GENERATE(std::int64_t{0}, std::int64_t{64} << 20, std::int64_t{1} << 30);
    INFO("mmap_size " << configured);
    TempDir dir;
    SqliteDatabase db{SqliteSettings{.path = dir.file("mapped.db"), .poolSize = 3, .mmapBytes = configured}};
    db.write([](SqliteConnection& c) {
        c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
    });

    // Three readers at once hold the pool's three connections: each must have the setting.
    std::vector<std::int64_t> seen;
    db.read([&](SqliteConnection& a) {
        seen.push_back(mmapSize(a));
        db.read([&](SqliteConnection& b) {
            seen.push_back(mmapSize(b));
            db.query([&](SqliteConnection& c) { seen.push_back(mmapSize(c)); });
        });
    });
    db.write([&](SqliteConnection& c) { seen.push_back(mmapSize(c)); });
    CHECK(seen == std::vector<std::int64_t>(4, configured));

    // Rows written after the readers opened (into the WAL, then checkpointed into the mapped file) read
    // back whole on every connection.
    const std::string text(5000, 'x');
    for (int batch = 0; batch < 4; ++batch)
        db.write([&](SqliteConnection& c) {
            for (int i = 0; i < 100; ++i)
                c.prepare("INSERT INTO t (text) VALUES (?)")
                    .bind(text + std::to_string(batch * 100 + i))
                    .run();
        });
    SqliteConnection(dir.file("mapped.db"))
        .execute("PRAGMA wal_checkpoint(TRUNCATE)");  // outside a transaction
    db.write([&](SqliteConnection& c) {
        c.prepare("UPDATE t SET text = ? WHERE id = 7").bind(std::string("changed")).run();
    });
    for (int reader = 0; reader < 3; ++reader)
        db.read([&](SqliteConnection& c) {
            auto rows = c.prepare("SELECT COUNT(*), SUM(LENGTH(text)) FROM t WHERE id <> 7");
            rows.step();
            CHECK(rows.integer(0) == 399);
            CHECK(rows.integer(1) == 399 * 5000 + 1089);  // the digits of 0…399 but 6: 10 + 180 + 900 - 1
            auto changed = c.prepare("SELECT text FROM t WHERE id = 7");
            changed.step();
            CHECK(changed.text(0) == "changed");
        });
}
