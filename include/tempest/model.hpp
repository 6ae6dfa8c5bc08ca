#pragma once

// Declaring models: C++ structs bound to tables column by column through member pointers.
//
//   struct User { std::int64_t id; std::string email; std::optional<std::string> name; };
//   using namespace tempest::model;
//   const auto users = table<User>("users",
//       column("id", &User::id).primary_key().identity(),
//       column("email", &User::email).type(varchar(255)).unique(),
//       column("name", &User::name));
//
// The member's C++ type decides the type family (see SqlType) and std::optional<T> makes the
// column nullable. The templates here only collect a ModelSpec, a plain run-time description;
// reflect_schema turns specs into the Schema IR. Nothing else in the library is a template.
//
// Naming convention for objects declared without a name (so diffs never depend on names an
// engine made up):
//   primary key   pk_<table>
//   unique        uq_<table>_<column>[_<column>...]
//   index         ix_<table>_<key>[_<key>...]    (an expression key contributes its words)
//   foreign key   fk_<table>_<column>[_<column>...]_<referenced table>
//   column check  ck_<table>_<column>
// A generated name longer than 63 bytes (PostgreSQL's limit) keeps its first 54 bytes and
// ends in "_" plus 8 hex digits of a hash of the full name. Table-level checks need a name.

#include <array>
#include <charconv>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "tempest/schema.hpp"

namespace tempest {

// Value types for the families the standard library has no type for.
struct Uuid {
  std::array<std::uint8_t, 16> bytes{};
  friend bool operator==(const Uuid&, const Uuid&) = default;
};
struct Json {
  std::string text;
  friend bool operator==(const Json&, const Json&) = default;
};
struct Decimal {  // numeric; give precision and scale with .type(numeric(p, s))
  std::string text;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};
using Bytes = std::vector<std::uint8_t>;

// Specialize for a C++ enum to map it to an SQL enum type (PostgreSQL CREATE TYPE ... AS ENUM,
// SQLite a CHECK on the labels):
//   template <> struct tempest::EnumTraits<Status> {
//     static constexpr std::string_view name = "post_status";
//     static constexpr std::array<std::string_view, 2> labels{"draft", "published"};
//   };
// labels[i] is the label of the enumerator whose value is i.
template <class E>
struct EnumTraits;

// SqlType<T>::type() is the column type of a member of type T. Specialize it to map types of
// your own.
template <class T>
struct SqlType;

template <class T>
concept SqlMapped = requires {
  { SqlType<T>::type() } -> std::same_as<ColumnType>;
};

namespace detail {
inline ColumnType of_kind(TypeKind kind) {
  ColumnType type;
  type.kind = kind;
  return type;
}
}  // namespace detail

template <> struct SqlType<std::int16_t> { static ColumnType type() { return detail::of_kind(TypeKind::Int16); } };
template <> struct SqlType<std::int32_t> { static ColumnType type() { return detail::of_kind(TypeKind::Int32); } };
template <> struct SqlType<std::int64_t> { static ColumnType type() { return detail::of_kind(TypeKind::Int64); } };
template <> struct SqlType<bool> { static ColumnType type() { return detail::of_kind(TypeKind::Bool); } };
template <> struct SqlType<float> { static ColumnType type() { return detail::of_kind(TypeKind::Float32); } };
template <> struct SqlType<double> { static ColumnType type() { return detail::of_kind(TypeKind::Float64); } };
template <> struct SqlType<std::string> { static ColumnType type() { return detail::of_kind(TypeKind::Text); } };
template <> struct SqlType<Bytes> { static ColumnType type() { return detail::of_kind(TypeKind::Bytes); } };
template <> struct SqlType<std::vector<std::byte>> { static ColumnType type() { return detail::of_kind(TypeKind::Bytes); } };
template <> struct SqlType<Uuid> { static ColumnType type() { return detail::of_kind(TypeKind::Uuid); } };
template <> struct SqlType<Json> { static ColumnType type() { return detail::of_kind(TypeKind::Json); } };
template <> struct SqlType<Decimal> { static ColumnType type() { return detail::of_kind(TypeKind::Numeric); } };
template <> struct SqlType<std::chrono::year_month_day> { static ColumnType type() { return detail::of_kind(TypeKind::Date); } };
template <class D> struct SqlType<std::chrono::hh_mm_ss<D>> { static ColumnType type() { return detail::of_kind(TypeKind::Time); } };
// An instant (sys_time) is stored with time zone; a wall-clock reading (local_time) without.
template <class D> struct SqlType<std::chrono::sys_time<D>> { static ColumnType type() { return detail::of_kind(TypeKind::TimestampTz); } };
template <class D> struct SqlType<std::chrono::local_time<D>> { static ColumnType type() { return detail::of_kind(TypeKind::Timestamp); } };
template <class E>
  requires std::is_enum_v<E> && requires { EnumTraits<E>::name; EnumTraits<E>::labels; }
struct SqlType<E> {
  static ColumnType type() {
    ColumnType type = detail::of_kind(TypeKind::Enum);
    type.enum_name = std::string(EnumTraits<E>::name);
    return type;
  }
};

// Identifies one data member of one model at run time, so that foreign keys, indexes and
// keys given as member pointers can be matched against declared columns.
class MemberRef {
 public:
  template <class M, class T>
  explicit MemberRef(T M::*member)
      : owner_(typeid(M)),
        member_type_(typeid(T)),
        pointer_(std::make_shared<T M::*>(member)),
        equal_(&equal_members<M, T>) {}

  [[nodiscard]] std::type_index owner() const { return owner_; }
  friend bool operator==(const MemberRef& a, const MemberRef& b) {
    return a.owner_ == b.owner_ && a.member_type_ == b.member_type_ &&
           a.equal_(a.pointer_.get(), b.pointer_.get());
  }

 private:
  template <class M, class T>
  static bool equal_members(const void* a, const void* b) {
    return *static_cast<T M::* const*>(a) == *static_cast<T M::* const*>(b);
  }

  std::type_index owner_;
  std::type_index member_type_;
  std::shared_ptr<const void> pointer_;
  bool (*equal_)(const void*, const void*);
};

// The run-time description of a model that the builders below collect.
struct ForeignKeySpec {
  std::string name;  // empty: named by the convention
  std::vector<MemberRef> columns;
  std::vector<MemberRef> ref_columns;  // all members of one referenced model
  ForeignKeyAction on_delete = ForeignKeyAction::NoAction;
  ForeignKeyAction on_update = ForeignKeyAction::NoAction;
  Deferrable deferrable = Deferrable::No;
};

struct IndexKeySpec {
  std::optional<MemberRef> member;  // a column key...
  std::string expression;           // ...or an expression key
  bool descending = false;
};

struct IndexSpec {
  std::string name;
  std::vector<IndexKeySpec> keys;
  bool unique = false;
  std::string where;
};

struct UniqueSpec {
  std::string name;
  std::vector<MemberRef> columns;
};

struct ColumnSpec {
  Column column;
  MemberRef member;
  bool primary_key = false;
  bool unique = false;
  bool indexed = false;
  std::string check;                     // column check expression; empty: none
  std::optional<EnumType> enum_type;     // for enum members
  std::optional<ForeignKeySpec> foreign_key;
};

struct ModelSpec {
  std::type_index model = typeid(void);
  std::string model_name;  // the C++ type, for messages
  std::string table;
  std::vector<ColumnSpec> columns;
  std::vector<MemberRef> primary_key;  // table-level (composite) key
  std::string primary_key_name;
  std::vector<IndexSpec> indexes;
  std::vector<UniqueSpec> uniques;
  std::vector<ForeignKeySpec> foreign_keys;
  std::vector<CheckConstraint> checks;
  std::string comment;
  std::string renamed_from;
};

namespace model {

namespace detail {
template <class T>
struct Unwrap {
  using type = T;
  static constexpr bool nullable = false;
};
template <class T>
struct Unwrap<std::optional<T>> {
  using type = T;
  static constexpr bool nullable = true;
};
template <class T>
using base_t = typename Unwrap<T>::type;

std::string model_name(const std::type_info& type);
std::string literal_text(double value);

template <class V>
std::string default_literal(const V& value) {
  if constexpr (std::is_same_v<V, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_enum_v<V>) {
    return std::string(EnumTraits<V>::labels[static_cast<std::size_t>(value)]);
  } else if constexpr (std::is_integral_v<V>) {
    return std::to_string(value);
  } else if constexpr (std::is_floating_point_v<V>) {
    return literal_text(static_cast<double>(value));
  } else {
    static_assert(std::is_convertible_v<V, std::string_view>,
                  "default_value() takes a bool, number, string or mapped enum; "
                  "use default_sql() for an SQL expression");
    return std::string(std::string_view(value));
  }
}
}  // namespace detail

// Type overrides for .type(...).
ColumnType varchar(int length);
ColumnType numeric(int precision, int scale);
ColumnType time(int precision);
ColumnType timestamp(int precision);
ColumnType timestamptz(int precision);
ColumnType sql_type(std::string_view spelled);  // any type, parsed with parse_type

template <class M, class T>
class ColumnDef {
 public:
  using model_type = M;
  using value_type = detail::base_t<T>;
  static_assert(SqlMapped<value_type>,
                "tempest: no SQL type for this member's C++ type; specialize "
                "tempest::SqlType<T> (or tempest::EnumTraits<E> for an enum)");

  ColumnDef(std::string name, T M::*member)
      : spec_{Column{}, MemberRef(member), false, false, false, {}, std::nullopt, std::nullopt} {
    spec_.column.name = std::move(name);
    spec_.column.type = SqlType<value_type>::type();
    spec_.column.nullable = detail::Unwrap<T>::nullable;
    if constexpr (std::is_enum_v<value_type>) {
      EnumType enum_type{std::string(EnumTraits<value_type>::name), {}};
      for (std::string_view label : EnumTraits<value_type>::labels)
        enum_type.labels.emplace_back(label);
      spec_.enum_type = std::move(enum_type);
    }
  }

  ColumnDef primary_key() && { spec_.primary_key = true; return std::move(*this); }
  ColumnDef identity() && { return std::move(*this).with_identity(Identity::ByDefault); }
  ColumnDef identity_always() && { return std::move(*this).with_identity(Identity::Always); }
  ColumnDef autoincrement() && { return std::move(*this).with_identity(Identity::Autoincrement); }
  ColumnDef unique() && { spec_.unique = true; return std::move(*this); }
  ColumnDef index() && { spec_.indexed = true; return std::move(*this); }
  ColumnDef type(ColumnType type) && { spec_.column.type = std::move(type); return std::move(*this); }
  ColumnDef comment(std::string text) && { spec_.column.comment = std::move(text); return std::move(*this); }
  ColumnDef renamed_from(std::string old) && { spec_.column.renamed_from = std::move(old); return std::move(*this); }
  ColumnDef check(std::string expression) && { spec_.check = std::move(expression); return std::move(*this); }

  // A typed constant default: bool, number, string or enum value.
  template <class V>
  ColumnDef default_value(const V& value) && {
    spec_.column.default_value = ColumnDefault{DefaultKind::Literal, detail::default_literal(value)};
    return std::move(*this);
  }
  // An SQL expression default, verbatim: default_sql("CURRENT_TIMESTAMP").
  ColumnDef default_sql(std::string expression) && {
    spec_.column.default_value = ColumnDefault{DefaultKind::Expression, std::move(expression)};
    return std::move(*this);
  }

  // A foreign key to a member of another (or the same) model. The two members must have the
  // same C++ type, nullability aside.
  template <class R, class U>
  ColumnDef references(U R::*target) && {
    static_assert(std::is_same_v<value_type, detail::base_t<U>>,
                  "tempest: a foreign key column must have the C++ type of the column it "
                  "references");
    ForeignKeySpec fk;
    fk.columns.push_back(spec_.member);
    fk.ref_columns.emplace_back(target);
    spec_.foreign_key = std::move(fk);
    return std::move(*this);
  }
  ColumnDef on_delete(ForeignKeyAction action) && { fk("on_delete").on_delete = action; return std::move(*this); }
  ColumnDef on_update(ForeignKeyAction action) && { fk("on_update").on_update = action; return std::move(*this); }
  ColumnDef deferrable(Deferrable when = Deferrable::InitiallyDeferred) && {
    fk("deferrable").deferrable = when;
    return std::move(*this);
  }
  // NOLINTNEXTLINE(performance-unnecessary-value-param): moved from (misread in a template)
  ColumnDef foreign_key_name(std::string name) && { fk("foreign_key_name").name = std::move(name); return std::move(*this); }

  [[nodiscard]] const ColumnSpec& spec() const& { return spec_; }
  [[nodiscard]] ColumnSpec spec() && { return std::move(spec_); }

 private:
  ColumnDef with_identity(Identity identity) && {
    static_assert(std::is_integral_v<value_type> && !std::is_same_v<value_type, bool>,
                  "tempest: identity/autoincrement needs an integer member");
    spec_.column.identity = identity;
    return std::move(*this);
  }
  ForeignKeySpec& fk(const char*) {
    // Calling on_delete() etc. before references() is a declaration error reported by
    // reflect_schema; keep a placeholder so the chain still compiles.
    if (!spec_.foreign_key) spec_.foreign_key = ForeignKeySpec{};
    return *spec_.foreign_key;
  }

  ColumnSpec spec_;
};

template <class M, class T>
ColumnDef<M, T> column(std::string name, T M::*member) {
  return ColumnDef<M, T>(std::move(name), member);
}

// Index keys: a member, desc(member), or expr("lower(email)").
struct IndexKeyDef {
  IndexKeySpec spec;
  template <class M, class T>
  IndexKeyDef(T M::*member) : spec{MemberRef(member), {}, false} {}  // NOLINT: implicit by design
  explicit IndexKeyDef(IndexKeySpec s) : spec(std::move(s)) {}
};
template <class M, class T>
IndexKeyDef desc(T M::*member) {
  return IndexKeyDef(IndexKeySpec{MemberRef(member), {}, true});
}
IndexKeyDef expr(std::string expression, bool descending = false);

class IndexDef {
 public:
  explicit IndexDef(std::vector<IndexKeyDef> keys);
  IndexDef name(std::string name) && { spec_.name = std::move(name); return std::move(*this); }
  IndexDef unique() && { spec_.unique = true; return std::move(*this); }
  IndexDef where(std::string predicate) && { spec_.where = std::move(predicate); return std::move(*this); }
  [[nodiscard]] IndexSpec spec() && { return std::move(spec_); }

 private:
  IndexSpec spec_;
};

// index(&Post::user_id, desc(&Post::created_at)).where("deleted_at IS NULL")
template <class... Keys>
IndexDef index(Keys&&... keys) {
  static_assert(sizeof...(Keys) > 0, "tempest: an index needs at least one key");
  return IndexDef(std::vector<IndexKeyDef>{IndexKeyDef(std::forward<Keys>(keys))...});
}

// Composite foreign key: foreign_key(members(&A::x, &A::y), members(&B::x, &B::y)).
template <class... Ps>
std::tuple<Ps...> members(Ps... pointers) {
  return std::tuple<Ps...>(pointers...);
}

class ForeignKeyDef {
 public:
  explicit ForeignKeyDef(ForeignKeySpec spec) : spec_(std::move(spec)) {}
  ForeignKeyDef name(std::string name) && { spec_.name = std::move(name); return std::move(*this); }
  ForeignKeyDef on_delete(ForeignKeyAction a) && { spec_.on_delete = a; return std::move(*this); }
  ForeignKeyDef on_update(ForeignKeyAction a) && { spec_.on_update = a; return std::move(*this); }
  ForeignKeyDef deferrable(Deferrable when = Deferrable::InitiallyDeferred) && {
    spec_.deferrable = when;
    return std::move(*this);
  }
  [[nodiscard]] ForeignKeySpec spec() && { return std::move(spec_); }

 private:
  ForeignKeySpec spec_;
};

template <class M, class... Ts, class R, class... Us>
ForeignKeyDef foreign_key(std::tuple<Ts M::*...> columns, std::tuple<Us R::*...> referenced) {
  static_assert(sizeof...(Ts) == sizeof...(Us),
                "tempest: a foreign key needs as many referenced members as columns");
  static_assert((std::is_same_v<detail::base_t<Ts>, detail::base_t<Us>> && ...),
                "tempest: each foreign key column must have the C++ type of the column it "
                "references");
  ForeignKeySpec spec;
  std::apply([&](auto... p) { (spec.columns.emplace_back(p), ...); }, columns);
  std::apply([&](auto... p) { (spec.ref_columns.emplace_back(p), ...); }, referenced);
  return ForeignKeyDef(std::move(spec));
}

template <class M>
class TableDef {
 public:
  template <class... Ts>
  TableDef(std::string name, ColumnDef<M, Ts>... columns) {
    spec_.model = typeid(M);
    spec_.model_name = detail::model_name(typeid(M));
    spec_.table = std::move(name);
    (spec_.columns.push_back(std::move(columns).spec()), ...);
  }

  // Composite primary key: .primary_key(&A::x, &A::y).
  template <class... Ts>
  TableDef primary_key(Ts M::*... members) && {
    (spec_.primary_key.emplace_back(members), ...);
    return std::move(*this);
  }
  TableDef primary_key_name(std::string name) && { spec_.primary_key_name = std::move(name); return std::move(*this); }
  TableDef index(IndexDef index) && { spec_.indexes.push_back(std::move(index).spec()); return std::move(*this); }
  template <class... Ts>
  TableDef unique(Ts M::*... members) && {
    UniqueSpec unique;
    (unique.columns.emplace_back(members), ...);
    spec_.uniques.push_back(std::move(unique));
    return std::move(*this);
  }
  template <class... Ts>
  TableDef unique_named(std::string name, Ts M::*... members) && {
    UniqueSpec unique{std::move(name), {}};
    (unique.columns.emplace_back(members), ...);
    spec_.uniques.push_back(std::move(unique));
    return std::move(*this);
  }
  TableDef foreign_key(ForeignKeyDef fk) && { spec_.foreign_keys.push_back(std::move(fk).spec()); return std::move(*this); }
  TableDef check(std::string name, std::string expression) && {
    spec_.checks.push_back(CheckConstraint{std::move(name), std::move(expression)});
    return std::move(*this);
  }
  TableDef comment(std::string text) && { spec_.comment = std::move(text); return std::move(*this); }
  TableDef renamed_from(std::string old) && { spec_.renamed_from = std::move(old); return std::move(*this); }

  [[nodiscard]] const ModelSpec& spec() const { return spec_; }

 private:
  ModelSpec spec_;
};

// table<User>("users", column(...), ...). Every column must bind a member of M.
template <class M, class... Cols>
TableDef<M> table(std::string name, Cols... columns) {
  static_assert((std::is_same_v<typename Cols::model_type, M> && ...),
                "tempest: every column of table<M> must bind a member of M");
  return TableDef<M>(std::move(name), std::move(columns)...);
}

}  // namespace model

// The Schema IR of the given models: tables, columns, keys, indexes, uniques, foreign keys,
// checks and enum types, every object named (see the naming convention above) and in
// canonical order. Throws ModelError naming the model and column for: empty or duplicate
// names, identifiers over 63 bytes, a missing primary key, a foreign key to a model that is
// not in the list or to a member that is not a column, a foreign key whose referenced columns
// are neither the primary key nor unique, options on a foreign key that was never declared,
// and one enum name with two label lists.
[[nodiscard]] Schema reflect_schema(const std::vector<ModelSpec>& models);

template <class... Ms>
[[nodiscard]] Schema reflect_schema(const model::TableDef<Ms>&... tables) {
  return reflect_schema(std::vector<ModelSpec>{tables.spec()...});
}

}  // namespace tempest
