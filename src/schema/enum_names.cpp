#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "tempest/schema.hpp"

namespace tempest {

namespace {

template <class E>
using Names = std::pair<E, std::string_view>;

// One table per enum serves both directions, so to_string and parse_* cannot disagree.
constexpr std::array kTypeKinds = {
    Names<TypeKind>{TypeKind::Int16, "int16"},
    Names<TypeKind>{TypeKind::Int32, "int32"},
    Names<TypeKind>{TypeKind::Int64, "int64"},
    Names<TypeKind>{TypeKind::Bool, "bool"},
    Names<TypeKind>{TypeKind::Float32, "float32"},
    Names<TypeKind>{TypeKind::Float64, "float64"},
    Names<TypeKind>{TypeKind::Numeric, "numeric"},
    Names<TypeKind>{TypeKind::Text, "text"},
    Names<TypeKind>{TypeKind::Varchar, "varchar"},
    Names<TypeKind>{TypeKind::Bytes, "bytes"},
    Names<TypeKind>{TypeKind::Date, "date"},
    Names<TypeKind>{TypeKind::Time, "time"},
    Names<TypeKind>{TypeKind::Timestamp, "timestamp"},
    Names<TypeKind>{TypeKind::TimestampTz, "timestamptz"},
    Names<TypeKind>{TypeKind::Uuid, "uuid"},
    Names<TypeKind>{TypeKind::Json, "json"},
    Names<TypeKind>{TypeKind::Enum, "enum"},
    Names<TypeKind>{TypeKind::Custom, "custom"},
};

constexpr std::array kForeignKeyActions = {
    Names<ForeignKeyAction>{ForeignKeyAction::NoAction, "no_action"},
    Names<ForeignKeyAction>{ForeignKeyAction::Restrict, "restrict"},
    Names<ForeignKeyAction>{ForeignKeyAction::Cascade, "cascade"},
    Names<ForeignKeyAction>{ForeignKeyAction::SetNull, "set_null"},
    Names<ForeignKeyAction>{ForeignKeyAction::SetDefault, "set_default"},
};

constexpr std::array kDeferrables = {
    Names<Deferrable>{Deferrable::No, "no"},
    Names<Deferrable>{Deferrable::InitiallyImmediate, "initially_immediate"},
    Names<Deferrable>{Deferrable::InitiallyDeferred, "initially_deferred"},
};

constexpr std::array kIdentities = {
    Names<Identity>{Identity::None, "none"},
    Names<Identity>{Identity::ByDefault, "by_default"},
    Names<Identity>{Identity::Always, "always"},
    Names<Identity>{Identity::Autoincrement, "autoincrement"},
};

constexpr std::array kDefaultKinds = {
    Names<DefaultKind>{DefaultKind::Literal, "literal"},
    Names<DefaultKind>{DefaultKind::Expression, "expression"},
};

template <class E, std::size_t N>
std::string_view name_of(const std::array<Names<E>, N>& table, E value) {
  for (const auto& [enumerator, name] : table) {
    if (enumerator == value) return name;
  }
  return "unknown";
}

template <class E, std::size_t N>
std::optional<E> value_of(const std::array<Names<E>, N>& table, std::string_view name) {
  for (const auto& [enumerator, spelled] : table) {
    if (spelled == name) return enumerator;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(TypeKind kind) { return name_of(kTypeKinds, kind); }
std::string_view to_string(ForeignKeyAction action) { return name_of(kForeignKeyActions, action); }
std::string_view to_string(Deferrable deferrable) { return name_of(kDeferrables, deferrable); }
std::string_view to_string(Identity identity) { return name_of(kIdentities, identity); }
std::string_view to_string(DefaultKind kind) { return name_of(kDefaultKinds, kind); }

std::optional<TypeKind> parse_type_kind(std::string_view name) {
  return value_of(kTypeKinds, name);
}
std::optional<ForeignKeyAction> parse_foreign_key_action(std::string_view name) {
  return value_of(kForeignKeyActions, name);
}
std::optional<Deferrable> parse_deferrable(std::string_view name) {
  return value_of(kDeferrables, name);
}
std::optional<Identity> parse_identity(std::string_view name) {
  return value_of(kIdentities, name);
}
std::optional<DefaultKind> parse_default_kind(std::string_view name) {
  return value_of(kDefaultKinds, name);
}

}  // namespace tempest
