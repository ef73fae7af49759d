#include "ProvisionsJson.h"

#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Parser.h>

#include "Errors.h"

namespace lacuna {
namespace {

/// Takes `[{"law": …, "article": …}, …]` straight into provisions as Poco's tokenizer reads it, without
/// building the document's objects first: every gap read from a list parses one of these.
class ProvisionsHandler : public Poco::JSON::Handler {
public:
    std::vector<Provision> provisions;

    void reset() override {
        provisions.clear();
        _depth = 0;
        _found = 0;
        _key.clear();
    }
    void startObject() override {
        if (++_depth != 2) refuse();
        provisions.emplace_back();
        _found = 0;
    }
    void endObject() override {
        if (_found != 3) refuse();  // both names, as written
        --_depth;
        _key.clear();
    }
    void startArray() override {
        if (++_depth != 1) refuse();
    }
    void endArray() override { --_depth; }
    void key(const std::string& k) override { _key = k; }
    void value(const std::string& v) override {
        if (_depth != 2) refuse();
        if (_key == "law")
            provisions.back().law = v, _found |= 1;
        else if (_key == "article")
            provisions.back().article = v, _found |= 2;
    }
    void null() override { refuse(); }
    void value(int) override { refuse(); }
    void value(unsigned) override { refuse(); }
    void value(Poco::Int64) override { refuse(); }
    void value(Poco::UInt64) override { refuse(); }
    void value(double) override { refuse(); }
    void value(bool) override { refuse(); }

private:
    [[noreturn]] static void refuse() { throw Poco::DataFormatException("not a list of provisions"); }
    int _depth = 0;
    int _found = 0;
    std::string _key;
};

}  // namespace

std::vector<Provision> provisionsFromJson(const std::string& json) {
    Poco::SharedPtr<ProvisionsHandler> handler = new ProvisionsHandler;
    try {
        Poco::JSON::Parser parser(handler);
        parser.parse(json);
    } catch (const Poco::Exception& e) {
        throw StoreUnavailable("a stored gap's provisions are unreadable: " + e.message());
    }
    return std::move(handler->provisions);
}

}  // namespace lacuna
