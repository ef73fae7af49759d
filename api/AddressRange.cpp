#include "AddressRange.h"

#include <Poco/NumberParser.h>

#include <algorithm>

namespace lacuna {
namespace {

using Poco::Net::IPAddress;

/// `::ffff:a.b.c.d` as `a.b.c.d`; any other address as it is.
IPAddress unmapped(const IPAddress& address) {
    if (address.family() != IPAddress::IPv6 || !address.isIPv4Mapped()) return address;
    const auto* bytes = static_cast<const unsigned char*>(address.addr());
    return IPAddress(bytes + 12, 4);
}

unsigned fullPrefix(const IPAddress& address) { return address.family() == IPAddress::IPv4 ? 32 : 128; }

}  // namespace

AddressRange::AddressRange(IPAddress network, unsigned prefix)
    : _network(network & IPAddress(prefix, network.family())), _prefix(prefix) {}

std::optional<AddressRange> AddressRange::parse(const std::string& text) {
    const std::size_t slash = text.find('/');
    IPAddress address;
    if (!IPAddress::tryParse(text.substr(0, slash), address)) return std::nullopt;
    address = unmapped(address);
    unsigned prefix = fullPrefix(address);
    if (slash != std::string::npos) {
        const std::string digits = text.substr(slash + 1);
        unsigned parsed = 0;
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            !Poco::NumberParser::tryParseUnsigned(digits, parsed) || parsed > prefix)
            return std::nullopt;
        prefix = parsed;
    }
    return AddressRange(address, prefix);
}

bool AddressRange::contains(const IPAddress& raw) const {
    const IPAddress address = unmapped(raw);
    if (address.family() != _network.family()) return false;
    return (address & IPAddress(_prefix, address.family())) == _network;
}

bool AddressRange::contains(const std::string& text) const {
    IPAddress address;
    return IPAddress::tryParse(text, address) && contains(address);
}

std::string AddressRange::str() const { return _network.toString() + "/" + std::to_string(_prefix); }

bool inAnyRange(const std::vector<AddressRange>& ranges, const std::string& address) {
    IPAddress parsed;
    if (!IPAddress::tryParse(address, parsed)) return false;
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const AddressRange& r) { return r.contains(parsed); });
}

}  // namespace lacuna
