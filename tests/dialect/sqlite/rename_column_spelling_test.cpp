// RENAME COLUMN spells the new name as sql_identifier() does, so that the CHECK, index
// expression and partial-index texts SQLite rewrites are exactly those apply() computes: with
// a quoted new name SQLite would write every rewritten reference quoted ("headline" where the
// IR has headline), and the database would never introspect as the IR says.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dialect/sqlite/execute_step.hpp"
#include "tempest/dialect.hpp"
#include "tempest/json.hpp"
#include "tempest/operations.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

Column text_column(std::string name) {
  Column c;
  c.name = std::move(name);
  c.type.kind = TypeKind::Text;
  return c;
}

// posts(id, title) with a CHECK, an expression index and a partial index naming title bare.
Schema posts_schema() {
  Table posts;
  posts.name = "posts";
  Column id = text_column("id");
  id.type.kind = TypeKind::Int64;
  posts.columns = {id, text_column("title")};
  posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
  posts.checks = {{"ck_posts_title", "length(title) > 0"}};
  posts.indexes = {Index{"ix_posts_lower", {{"", "lower(title)", false}}, false, ""},
                   Index{"ix_posts_title", {{"title", "", false}}, false, "title <> 'x'"}};
  Schema schema;
  schema.tables = {posts};
  return schema;
}

class SqliteRenameColumnSpelling : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = SqliteDriver::open(":memory:");
    run(render_schema(sqlite_dialect(), posts_schema()));
  }

  void run(const std::vector<RenderedStep>& steps) {
    for (const RenderedStep& step : steps) sqlite::execute_step(*db_, step);
  }

  // Renders and runs `op` on `before`; the database must then be exactly normalize(apply()).
  Schema rename(const Schema& before, const RenameColumn& op, const std::string& statement) {
    const std::vector<RenderedStep> steps = sqlite_dialect().render({op}, before);
    EXPECT_EQ(steps.size(), 1u);
    if (!steps.empty()) {
      EXPECT_EQ(steps[0].statements, std::vector<std::string>{statement});
    }
    run(steps);
    Schema after = before;
    apply(after, op);
    const Schema live = sqlite_dialect().introspect(*db_);
    EXPECT_TRUE(live == sqlite_dialect().normalize(after))
        << "live:\n"
        << schema_to_json(live) << "\nexpected:\n"
        << schema_to_json(after);
    return after;
  }

  std::unique_ptr<SqliteDriver> db_;
};

TEST_F(SqliteRenameColumnSpelling, PlainNewNameStaysBareInTheRewrittenText) {
  const Schema after = rename(posts_schema(), RenameColumn{"posts", "title", "headline"},
                              "ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO headline");
  EXPECT_EQ(after.tables[0].checks[0].expression, "length(headline) > 0");
  // And back: the texts are those of the start again.
  const Schema back = rename(after, RenameColumn{"posts", "headline", "title"},
                             "ALTER TABLE \"posts\" RENAME COLUMN \"headline\" TO title");
  EXPECT_EQ(back, posts_schema());
}

TEST_F(SqliteRenameColumnSpelling, NamesThatNeedQuotesAreQuoted) {
  const Schema spaced = rename(posts_schema(), RenameColumn{"posts", "title", "Head line"},
                               "ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"Head line\"");
  EXPECT_EQ(spaced.tables[0].checks[0].expression, "length(\"Head line\") > 0");
  (void)rename(spaced, RenameColumn{"posts", "Head line", "select"},
               "ALTER TABLE \"posts\" RENAME COLUMN \"Head line\" TO \"select\"");
}

}  // namespace
}  // namespace tempest
