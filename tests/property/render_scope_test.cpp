// The runner renders each migration against render_scope() of the schema, not the whole
// schema: both dialects must render random changes identically (or fail identically) either
// way.

#include "migrate/render_scope.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "support/random_schema.hpp"
#include "support/seeds.hpp"
#include "tempest/dialect.hpp"
#include "tempest/diff.hpp"
#include "tempest/error.hpp"

namespace tempest {
namespace {

using testing::base_seed;
using testing::property_cases;
using testing::RandomSchemaOptions;

// The steps, or the error's message.
std::string rendered(const Dialect& dialect, const std::vector<Operation>& ops,
                     const Schema& before) {
  try {
    std::string out;
    for (const RenderedStep& step : dialect.render(ops, before)) {
      out += step.description + (step.transactional ? "" : " [alone]") +
             (step.foreign_keys_off ? " [fk off]" : "") + " " + step.rebuild_table + "\n";
      for (const std::string& statement : step.statements) out += statement + ";\n";
    }
    return out;
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

TEST(RenderScope, RendersLikeTheWholeSchema) {
  RandomSchemaOptions options;
  options.max_tables = 12;
  options.column_expressions = true;
  options.every_type = true;
  const std::uint64_t seed = base_seed();
  int reduced = 0;
  for (int i = 0; i < property_cases(300); ++i) {
    std::mt19937_64 rng(seed + static_cast<std::uint64_t>(i));
    const Schema from = testing::random_schema(rng, options);
    const Schema to = testing::mutate_schema(from, rng, options);
    const std::vector<Operation> ops = diff_schema(from, to);
    const std::optional<Schema> scope = render_scope(from, ops);
    if (!scope) continue;
    if (scope->tables.size() < from.tables.size()) ++reduced;
    for (const Dialect* dialect : {&sqlite_dialect(), &postgres_dialect()}) {
      ASSERT_EQ(rendered(*dialect, ops, *scope), rendered(*dialect, ops, from))
          << dialect->name() << ", seed " << seed + static_cast<std::uint64_t>(i);
    }
    // One operation at a time too, as small migrations are.
    for (const Operation& op : ops) {
      const std::optional<Schema> one = render_scope(from, {op});
      if (!one) continue;
      for (const Dialect* dialect : {&sqlite_dialect(), &postgres_dialect()}) {
        ASSERT_EQ(rendered(*dialect, {op}, *one), rendered(*dialect, {op}, from))
            << dialect->name() << ", " << describe(op) << ", seed "
            << seed + static_cast<std::uint64_t>(i);
      }
    }
  }
  EXPECT_GT(reduced, 0);  // the property was exercised
}

TEST(RenderScope, KeepsNamedAndLinkedTablesAndEveryEnum) {
  Schema schema;
  schema.enums = {EnumType{"mood", {"ok", "sad"}}};
  const auto table = [](std::string name, const std::string& ref) {
    Table t;
    t.name = std::move(name);
    if (!ref.empty()) t.foreign_keys.push_back(ForeignKey{"fk_" + t.name, {"x"}, ref, {"id"}});
    return t;
  };
  // a <- b <- c, d alone, e -> a
  schema.tables = {table("a", ""), table("b", "a"), table("c", "b"), table("d", ""),
                   table("e", "a")};
  Column y;
  y.name = "y";
  y.type = parse_type("int");
  const std::optional<Schema> scope = render_scope(schema, {AddColumn{"b", y}});
  ASSERT_TRUE(scope.has_value());
  std::vector<std::string> names;
  for (const Table& t : scope->tables) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(scope->enums, schema.enums);
  EXPECT_FALSE(render_scope(schema, {AddEnumValue{"mood", "meh", 2}}).has_value());
}

}  // namespace
}  // namespace tempest
