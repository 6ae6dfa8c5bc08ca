// migration_checksum: SHA-256 of the canonical operations, through Nettle (the library under
// GnuTLS). Nettle rather than OpenSSL's libcrypto: every program that links tempest loads it
// at start-up, and libcrypto's loading and initialisation cost each `history` or `heads` more
// than half a millisecond, Nettle's a tenth of that.

#include <nettle/sha2.h>

#include <array>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

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
    strip(*op.from);
    strip(*op.to);
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
  sha256_ctx context{};
  sha256_init(&context);
  sha256_update(&context, text.size(), reinterpret_cast<const std::uint8_t*>(text.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (const std::uint8_t byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

}  // namespace tempest
