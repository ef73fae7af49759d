#include "PasswordHasher.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <sstream>
#include <vector>

namespace lacuna {
namespace {

constexpr std::size_t SALT_BYTES = 16;
constexpr std::size_t KEY_BYTES = 32;

std::string randomBytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw Poco::SystemException("no random bytes from the system");
    return out;
}

std::string base64(const std::string& bytes, int options = 0) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, options);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::string unbase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string out((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return out;
}

std::string derive(const std::string& password, const std::string& salt, int iterations) {
    std::string key(KEY_BYTES, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(KEY_BYTES),
                          reinterpret_cast<unsigned char*>(key.data())) != 1)
        throw Poco::SystemException("PBKDF2 failed");
    return key;
}

}  // namespace

PasswordHasher::PasswordHasher(int iterations) : _iterations(iterations) {
    if (iterations < 1) throw Poco::InvalidArgumentException("iterations must be positive");
}

std::string PasswordHasher::hash(const std::string& password) const {
    const std::string salt = randomBytes(SALT_BYTES);
    return "pbkdf2-sha256$" + std::to_string(_iterations) + "$" + base64(salt) + "$" +
           base64(derive(password, salt, _iterations));
}

bool PasswordHasher::verify(const std::string& password, const std::string& stored) const {
    const Poco::StringTokenizer parts(stored, "$");
    int iterations = 0;
    if (parts.count() != 4 || parts[0] != "pbkdf2-sha256" ||
        !Poco::NumberParser::tryParse(parts[1], iterations) || iterations < 1)
        return false;
    std::string salt, expected;
    try {
        salt = unbase64(parts[2]);
        expected = unbase64(parts[3]);
    } catch (const Poco::Exception&) {
        return false;
    }
    if (expected.size() != KEY_BYTES) return false;
    const std::string actual = derive(password, salt, iterations);
    return CRYPTO_memcmp(actual.data(), expected.data(), KEY_BYTES) == 0;
}

std::string randomToken(std::size_t bytes) {
    return base64(randomBytes(bytes), Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
}

std::string sha256Hex(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    static const char* HEX = "0123456789abcdef";
    std::string out;
    for (unsigned char b : digest) {
        out += HEX[b >> 4];
        out += HEX[b & 0xF];
    }
    return out;
}

}  // namespace lacuna
