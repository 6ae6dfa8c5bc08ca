// migration_checksum: SHA-256 of the canonical operations, through OpenSSL's libcrypto.

#include <openssl/evp.h>

#include <array>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "tempest/error.hpp"
#include "tempest/json.hpp"
#include "tempest/runner.hpp"

namespace tempest {

namespace {

// The spelling of a type takes no part in its identity except for Custom types (schema.hpp).
void strip(Column& column) {
  if (column.type.kind != TypeKind::Custom) column.type.raw.clear();
  column.renamed_from.clear();
}

void strip(Table& table) {
  for (Column& column : table.columns) strip(column);
  table.renamed_from.clear();
}

struct Stripper {
  void operator()(CreateTable& op) const { strip(op.table); }
  void operator()(DropTable& op) const { strip(op.table); }
  void operator()(AddColumn& op) const { strip(op.column); }
  void operator()(DropColumn& op) const { strip(op.column); }
  void operator()(AlterColumn& op) const {
    strip(op.from);
    strip(op.to);
  }
  template <class Op>
  requires(!std::is_same_v<Op, CreateTable> && !std::is_same_v<Op, DropTable> &&
           !std::is_same_v<Op, AddColumn> && !std::is_same_v<Op, DropColumn> &&
           !std::is_same_v<Op, AlterColumn>) void
  operator()(Op&) const {}  // holds no column
};

std::string canonical_json(std::vector<Operation> ops) {
  for (Operation& op : ops) std::visit(Stripper{}, op);
  return operations_to_json(ops);
}

}  // namespace

std::string migration_checksum(const Migration& migration) {
  const std::string text =
      "up\n" + canonical_json(migration.up) + "down\n" + canonical_json(migration.down);
  // Fetched once: OpenSSL 3 looks EVP_sha256() up in its providers on every use, which costs
  // more than hashing a migration (https://www.openssl.org/docs/man3.0/man7/crypto.html,
  // "Performance"). The object is thread-safe and lives as long as the program.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (sha256 == nullptr ||
      EVP_Digest(text.data(), text.size(), digest.data(), &size, sha256, nullptr) != 1) {
    throw Error("migration \"" + migration.revision + "\": OpenSSL could not compute SHA-256");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(static_cast<std::size_t>(size) * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

}  // namespace tempest
