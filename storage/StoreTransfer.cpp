#include "StoreTransfer.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <set>

#include "Errors.h"
#include "JsonText.h"

namespace lacuna {
namespace {

constexpr const char* FORMAT = "lacuna-export";
constexpr std::int64_t PAGE_ROWS = 1000;
/// Parameters per INSERT: within SQLite's (32,766) and MySQL's (65,535) limits, few round trips.
constexpr std::size_t BATCH_PARAMETERS = 4000;
/// Tables whose rows the migrations write themselves (a liveness probe's row, derived data's versions):
/// a store that holds only these is empty.
const std::set<std::string> MIGRATION_ROWS = {"derived_data", "health_checks"};

std::int64_t schemaVersion(SqlSession& s) {
    return selectInteger(s, "SELECT COALESCE(MAX(number), 0) FROM schema_migrations", {});
}

std::string joined(const std::vector<std::string>& names, const std::string& separator) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : separator) + name;
    return out;
}

/// `SELECT <columns> FROM <table> [WHERE <after the last key read>] ORDER BY <key> LIMIT n`; a composite
/// key's "after" spelled out (k1 > ? OR (k1 = ? AND k2 > ?) …), which both backends' range scans use.
std::string pageSql(const SqlTable& table, bool after) {
    std::vector<std::string> columns;
    for (const SqlColumn& c : table.columns) columns.push_back(c.name);
    std::string sql = "SELECT " + joined(columns, ", ") + " FROM " + table.name;
    if (after) {
        std::vector<std::string> alternatives;
        for (std::size_t i = 0; i < table.primaryKey.size(); ++i) {
            std::vector<std::string> terms;
            for (std::size_t j = 0; j < i; ++j) terms.push_back(table.primaryKey[j] + " = ?");
            terms.push_back(table.primaryKey[i] + " > ?");
            alternatives.push_back("(" + joined(terms, " AND ") + ")");
        }
        sql += " WHERE " + joined(alternatives, " OR ");
    }
    return sql + " ORDER BY " + joined(table.primaryKey, ", ") + " LIMIT " + std::to_string(PAGE_ROWS);
}

/// The parameters of pageSql(after = true) for the key of the last row read.
std::vector<SqlParameter> afterKey(const std::vector<SqlParameter>& key) {
    std::vector<SqlParameter> params;
    for (std::size_t i = 0; i < key.size(); ++i)
        for (std::size_t j = 0; j <= i; ++j) params.push_back(key[j]);
    return params;
}

std::int64_t exportTable(SqlSession& s, const SqlTable& table, std::ostream& out) {
    if (table.primaryKey.empty())
        throw StoreUnavailable("table " + table.name + " has no primary key, so it cannot be read in order");
    std::vector<int> keyAt;
    for (const std::string& k : table.primaryKey)
        keyAt.push_back(static_cast<int>(std::find_if(table.columns.begin(), table.columns.end(),
                                                      [&](const SqlColumn& c) { return c.name == k; }) -
                                         table.columns.begin()));
    out << "{\"table\":" << jsonString(table.name) << ",\"columns\":[";
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        out << (i ? "," : "") << jsonString(table.columns[i].name);
    out << "]}\n";

    std::int64_t rows = 0;
    std::vector<SqlParameter> lastKey;
    for (;;) {
        auto page = s.prepare(pageSql(table, !lastKey.empty()));
        page->bindAll(afterKey(lastKey));
        std::int64_t read = 0;
        std::string line;
        while (page->step()) {
            line = "[";
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const int column = static_cast<int>(i);
                if (i) line += ',';
                if (page->isNull(column))
                    line += "null";
                else if (table.columns[i].integer)
                    line += std::to_string(page->integer(column));
                else
                    line += jsonString(page->text(column));
            }
            line += "]\n";
            out << line;
            lastKey.clear();
            for (std::size_t k = 0; k < keyAt.size(); ++k) {
                const int column = keyAt[k];
                if (table.columns[static_cast<std::size_t>(column)].integer)
                    lastKey.emplace_back(page->integer(column));
                else
                    lastKey.emplace_back(page->text(column));
            }
            ++read;
        }
        rows += read;
        if (!out) throw StoreUnavailable("the export could not be written out");
        if (read < PAGE_ROWS) return rows;
    }
}

/// Reads an export line by line into one write transaction.
class Importer {
public:
    Importer(SqlSession& session, std::istream& in) : _s(session), _in(in) {}

    TransferSummary run() {
        header();
        for (const SqlTable& t : _s.tables()) _tables.emplace(t.name, t);
        refuseRecords();
        for (const auto& [name, table] : _tables) _s.prepare("DELETE FROM " + name)->run();
        std::string line;
        while (next(line)) {
            if (line[0] == '[') {
                row(line);
                continue;
            }
            flush();
            const Poco::JSON::Object::Ptr object = parseObject(line);
            if (object->has("table")) {
                startTable(*object);
            } else if (object->has("end")) {
                end(*object);
                while (next(line)) fail("nothing may follow the closing line");
                return {static_cast<std::int64_t>(_seen.size()), _rows};
            } else {
                fail("a line is a table's header, a row, or the closing line");
            }
        }
        fail("the file ends without its closing line: it was cut short");
    }

private:
    [[noreturn]] void fail(const std::string& detail) const {
        const std::string where = "line " + std::to_string(_line);
        throw ValidationError(where + ": " + detail, {{where, "invalid_export", detail}});
    }

    bool next(std::string& line) {
        while (std::getline(_in, line)) {
            ++_line;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) return true;
        }
        if (_in.bad()) throw StoreUnavailable("the export could not be read");
        return false;
    }

    Poco::Dynamic::Var parse(const std::string& line) {
        try {
            _parser.reset();
            return _parser.parse(line);
        } catch (const Poco::Exception& e) {
            fail("not JSON (" + e.message() + ")");
        }
    }

    Poco::JSON::Object::Ptr parseObject(const std::string& line) {
        const Poco::Dynamic::Var value = parse(line);
        if (value.type() != typeid(Poco::JSON::Object::Ptr)) fail("expected a JSON object");
        return value.extract<Poco::JSON::Object::Ptr>();
    }

    std::int64_t integerMember(const Poco::JSON::Object& object, const std::string& name) {
        const Poco::Dynamic::Var v = object.get(name);
        if (v.isEmpty() || !v.isInteger()) fail("'" + name + "' must be an integer");
        return v.convert<std::int64_t>();
    }

    void header() {
        std::string line;
        if (!next(line)) fail("the file is empty: an export starts with its header line");
        const Poco::JSON::Object::Ptr h = parseObject(line);
        if (h->optValue<std::string>("format", "") != FORMAT)
            fail("not a Lacuna export (no \"format\": \"lacuna-export\")");
        const std::int64_t version = integerMember(*h, "version");
        if (version != EXPORT_FORMAT_VERSION)
            fail("export format version " + std::to_string(version) + "; this lacuna reads version " +
                 std::to_string(EXPORT_FORMAT_VERSION));
        const std::int64_t schema = integerMember(*h, "schema");
        const std::int64_t here = schemaVersion(_s);
        if (schema != here)
            fail("the export is of schema " + std::to_string(schema) + " and this store of schema " +
                 std::to_string(here) + ": import with the lacuna that wrote the export, then upgrade");
        _expectedTables = integerMember(*h, "tables");
    }

    void refuseRecords() {
        for (const auto& [name, table] : _tables) {
            if (MIGRATION_ROWS.count(name)) continue;
            if (!selectOne(_s, "SELECT 1 FROM " + name + " LIMIT 1", {},
                           [](const SqlStatement&) { return 1; }))
                continue;
            const std::string detail = "the store already holds records (table " + name +
                                       "): an export is loaded only into a new, empty store, never merged";
            throw ValidationError(detail, {{"store", "not_empty", detail}});
        }
    }

    void startTable(const Poco::JSON::Object& header) {
        const std::string name = header.optValue<std::string>("table", "");
        const auto it = _tables.find(name);
        if (it == _tables.end()) fail("table '" + name + "' is not in this store's schema");
        if (!_seen.insert(name).second) fail("table '" + name + "' appears twice");
        const Poco::JSON::Array::Ptr columns = header.getArray("columns");
        if (!columns) fail("table '" + name + "' has no \"columns\" list");
        _table = &it->second;
        _columns.clear();
        std::set<std::string> named;
        for (std::size_t i = 0; i < columns->size(); ++i) {
            const std::string column = columns->getElement<std::string>(static_cast<unsigned>(i));
            const auto at = std::find_if(_table->columns.begin(), _table->columns.end(),
                                         [&](const SqlColumn& c) { return c.name == column; });
            if (at == _table->columns.end()) fail("column " + name + "." + column + " is not in this store");
            if (!named.insert(column).second) fail("column " + name + "." + column + " appears twice");
            _columns.push_back(*at);
        }
        for (const SqlColumn& c : _table->columns)
            if (!named.count(c.name))
                fail("column " + name + "." + c.name + " of this store is not in the export");
        std::vector<std::string> names;
        for (const SqlColumn& c : _columns) names.push_back(c.name);
        _insert = "INSERT INTO " + name + " (" + joined(names, ", ") + ") VALUES ";
        _rowPlaceholders = "(" + placeholders(_columns.size()) + ")";
        _batchRows = std::max<std::size_t>(1, BATCH_PARAMETERS / _columns.size());
    }

    void row(const std::string& line) {
        if (!_table) fail("a row before any table's header");
        const Poco::Dynamic::Var value = parse(line);
        if (value.type() != typeid(Poco::JSON::Array::Ptr)) fail("expected a row (a JSON array)");
        const Poco::JSON::Array& values = *value.extract<Poco::JSON::Array::Ptr>();
        if (values.size() != _columns.size())
            fail("a row of " + _table->name + " has " + std::to_string(values.size()) + " values for " +
                 std::to_string(_columns.size()) + " columns");
        for (std::size_t i = 0; i < _columns.size(); ++i) {
            const Poco::Dynamic::Var v = values.get(static_cast<unsigned>(i));
            if (v.isEmpty())
                _batch.emplace_back(SqlNull{});
            else if (_columns[i].integer && v.isInteger())
                _batch.emplace_back(v.convert<std::int64_t>());
            else if (!_columns[i].integer && v.isString())
                _batch.emplace_back(v.convert<std::string>());
            else
                fail(_table->name + "." + _columns[i].name + " must be " +
                     (_columns[i].integer ? "an integer" : "a string") + " or null");
        }
        ++_rows;
        if (_batch.size() / _columns.size() >= _batchRows) flush();
    }

    void flush() {
        if (_batch.empty()) return;
        const std::size_t rows = _batch.size() / _columns.size();
        std::string sql = _insert;
        for (std::size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + _rowPlaceholders;
        _s.prepare(sql)->bindAll(_batch).run();
        _batch.clear();
    }

    void end(const Poco::JSON::Object& closing) {
        const Poco::JSON::Object::Ptr counts = closing.getObject("end");
        if (!counts) fail("the closing line's \"end\" must be an object");
        const std::int64_t tables = integerMember(*counts, "tables");
        const std::int64_t rows = integerMember(*counts, "rows");
        if (tables != _expectedTables || tables != static_cast<std::int64_t>(_seen.size()))
            fail("the export announces " + std::to_string(tables) + " tables and holds " +
                 std::to_string(_seen.size()));
        if (rows != _rows)
            fail("the export announces " + std::to_string(rows) + " rows and holds " + std::to_string(_rows));
        for (const auto& [name, table] : _tables)
            if (!_seen.count(name)) fail("this store's table '" + name + "' is not in the export");
    }

    SqlSession& _s;
    std::istream& _in;
    Poco::JSON::Parser _parser;
    std::int64_t _line = 0;
    std::int64_t _expectedTables = 0;
    std::map<std::string, SqlTable> _tables;
    std::set<std::string> _seen;
    const SqlTable* _table = nullptr;
    std::vector<SqlColumn> _columns;  ///< the current table's, in the export's order
    std::string _insert;
    std::string _rowPlaceholders;
    std::size_t _batchRows = 1;
    std::vector<SqlParameter> _batch;
    std::int64_t _rows = 0;
};

/// Foreign keys unchecked while rows arrive in table order, and checked (SQLite, at COMMIT) or enforced
/// again for the pooled session (MySQL) whatever happens.
class ForeignKeysDeferred {
public:
    explicit ForeignKeysDeferred(SqlSession& s) : _s(s) { _s.deferForeignKeys(false); }
    ~ForeignKeysDeferred() {
        try {
            _s.deferForeignKeys(true);
        } catch (...) {
            // the connection failed; the pool drops it
        }
    }
    ForeignKeysDeferred(const ForeignKeysDeferred&) = delete;
    ForeignKeysDeferred& operator=(const ForeignKeysDeferred&) = delete;

private:
    SqlSession& _s;
};

}  // namespace

TransferSummary exportStore(SqlDatabase& db, const std::string& backend, std::ostream& out) {
    TransferSummary summary;
    db.snapshot([&](SqlSession& s) {
        const std::vector<SqlTable> tables = s.tables();
        out << "{\"format\":\"" << FORMAT << "\",\"version\":" << EXPORT_FORMAT_VERSION
            << ",\"schema\":" << schemaVersion(s) << ",\"backend\":" << jsonString(backend)
            << ",\"tables\":" << tables.size() << "}\n";
        for (const SqlTable& table : tables) summary.rows += exportTable(s, table, out);
        summary.tables = static_cast<std::int64_t>(tables.size());
        out << "{\"end\":{\"tables\":" << summary.tables << ",\"rows\":" << summary.rows << "}}\n";
        out.flush();
        if (!out) throw StoreUnavailable("the export could not be written out");
    });
    return summary;
}

TransferSummary importStore(SqlDatabase& db, std::istream& in) {
    TransferSummary summary;
    bool started = false;
    try {
        db.write([&](SqlSession& s) {
            // A backend that runs a failed transaction again would find the file read already.
            if (started) throw StoreUnavailable("the database failed during the import; nothing was loaded");
            started = true;
            ForeignKeysDeferred deferred(s);
            summary = Importer(s, in).run();
        });
    } catch (const AlreadyExists&) {
        throw ValidationError(
            "two rows of the export share one key",
            {{"rows", "duplicate_key",
              "two rows of one table share a key: the file was edited or joined from two exports"}});
    }
    return summary;
}

}  // namespace lacuna
