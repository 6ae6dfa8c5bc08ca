// diff_schema: whole tables (create, drop, rename, comment) and their dependency order.

#include <gtest/gtest.h>

#include <vector>

#include "diff_builders.hpp"
#include "tempest/diff.hpp"

namespace tempest {
namespace {

using diff_test::expect_reaches;
using diff_test::foreign_key;
using diff_test::int_column;
using diff_test::renamed;
using diff_test::schema;
using diff_test::table;
using diff_test::text_column;

using Ops = std::vector<Operation>;

Schema library() {
  Table authors = table("authors", {text_column("name")});
  Table books = table("books", {int_column("author_id"), text_column("title")});
  books.foreign_keys = {foreign_key("fk_books_author", {"author_id"}, "authors")};
  return schema({authors, books});
}

TEST(DiffTables, IdenticalSchemasGiveNothing) {
  EXPECT_TRUE(diff_schema(empty_schema(), empty_schema()).empty());
  EXPECT_TRUE(diff_schema(library(), library()).empty());
}

TEST(DiffTables, NewTableIsCreatedWithoutHints) {
  Table reviews = table("reviews", {renamed(text_column("body"), "text")});
  reviews.renamed_from = "critiques";  // names nothing in current: the table is just created
  Schema target = library();
  target.tables.push_back(reviews);
  canonicalize(target);

  Table expected = table("reviews", {text_column("body")});
  EXPECT_EQ(diff_schema(library(), target), (Ops{CreateTable{expected}}));
  expect_reaches(library(), target);
}

TEST(DiffTables, RemovedTableIsDroppedWhole) {
  Schema current = library();
  current.tables.push_back(table("tags", {text_column("label")}));
  canonicalize(current);
  EXPECT_EQ(diff_schema(current, library()),
            (Ops{DropTable{table("tags", {text_column("label")})}}));
  expect_reaches(current, library());
}

TEST(DiffTables, NewTablesFollowTheTablesTheyReference) {
  // "a_comments" sorts first but references "b_posts", which references "authors".
  Table posts = table("b_posts", {int_column("author_id")});
  posts.foreign_keys = {foreign_key("fk_posts_author", {"author_id"}, "authors")};
  Table comments = table("a_comments", {int_column("post_id")});
  comments.foreign_keys = {foreign_key("fk_comments_post", {"post_id"}, "b_posts")};
  Schema current = schema({table("authors")});
  Schema target = schema({table("authors"), posts, comments});

  EXPECT_EQ(diff_schema(current, target), (Ops{CreateTable{posts}, CreateTable{comments}}));
  expect_reaches(current, target);
}

TEST(DiffTables, SelfReferenceStaysInsideCreateTable) {
  Table nodes = table("nodes", {int_column("parent_id", true)});
  nodes.foreign_keys = {foreign_key("fk_nodes_parent", {"parent_id"}, "nodes")};
  Schema target = schema({nodes});
  EXPECT_EQ(diff_schema(empty_schema(), target), (Ops{CreateTable{nodes}}));
  expect_reaches(empty_schema(), target);
}

TEST(DiffTables, ForeignKeyCycleBetweenNewTablesIsClosedAfterwards) {
  Table a = table("a", {int_column("b_id", true)});
  Table b = table("b", {int_column("a_id", true)});
  a.foreign_keys = {foreign_key("fk_a_b", {"b_id"}, "b")};
  b.foreign_keys = {foreign_key("fk_b_a", {"a_id"}, "a")};
  Schema target = schema({a, b});

  Table a_alone = a;
  a_alone.foreign_keys.clear();
  EXPECT_EQ(diff_schema(empty_schema(), target),
            (Ops{CreateTable{a_alone}, CreateTable{b}, AddForeignKey{"a", a.foreign_keys[0]}}));
  expect_reaches(empty_schema(), target);
}

TEST(DiffTables, CycleIsBrokenOnlyWhereItCloses) {
  // c -> a <-> b: c is no part of the cycle and keeps its key; the cycle breaks at "a".
  Table a = table("a", {int_column("b_id", true)});
  Table b = table("b", {int_column("a_id", true)});
  Table c = table("c", {int_column("a_id", true)});
  a.foreign_keys = {foreign_key("fk_a_b", {"b_id"}, "b")};
  b.foreign_keys = {foreign_key("fk_b_a", {"a_id"}, "a")};
  c.foreign_keys = {foreign_key("fk_c_a", {"a_id"}, "a")};
  Schema target = schema({a, b, c});

  Table a_alone = a;
  a_alone.foreign_keys.clear();
  EXPECT_EQ(diff_schema(empty_schema(), target),
            (Ops{CreateTable{a_alone}, CreateTable{b}, CreateTable{c},
                 AddForeignKey{"a", a.foreign_keys[0]}}));
  expect_reaches(empty_schema(), target);
}

TEST(DiffTables, ReferencingTablesAreDroppedFirst) {
  Schema current = library();
  EXPECT_EQ(diff_schema(current, empty_schema()),
            (Ops{DropTable{current.tables[1]}, DropTable{current.tables[0]}}));  // books, authors
  expect_reaches(current, empty_schema());
}

TEST(DiffTables, ForeignKeyCycleBetweenDroppedTablesIsOpenedFirst) {
  Table a = table("a", {int_column("b_id", true)});
  Table b = table("b", {int_column("a_id", true)});
  a.foreign_keys = {foreign_key("fk_a_b", {"b_id"}, "b")};
  b.foreign_keys = {foreign_key("fk_b_a", {"a_id"}, "a")};
  Schema current = schema({a, b, table("kept")});

  // "a" is dropped first, once the key pointing at it is gone; "b" goes without that key.
  Table b_alone = b;
  b_alone.foreign_keys.clear();
  EXPECT_EQ(diff_schema(current, schema({table("kept")})),
            (Ops{DropForeignKey{"b", b.foreign_keys[0]}, DropTable{a}, DropTable{b_alone}}));
  expect_reaches(current, schema({table("kept")}));
}

TEST(DiffTables, KeyPointingAtADroppedTableGoesFirst) {
  Schema current = library();
  Table books = current.tables[1];
  Table books_alone = books;
  books_alone.foreign_keys.clear();
  Schema target = schema({books_alone});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{DropForeignKey{"books", books.foreign_keys[0]}, DropTable{current.tables[0]}}));
  expect_reaches(current, target);
}

TEST(DiffTables, RenameHintRenamesAndFollowsForeignKeys) {
  Schema current = library();
  Schema target = library();
  target.tables[0].name = "writers";
  target.tables[0].renamed_from = "authors";
  target.tables[0].primary_key->name = "pk_authors";
  target.tables[1].foreign_keys[0].ref_table = "writers";
  canonicalize(target);

  EXPECT_EQ(diff_schema(current, target), (Ops{RenameTable{"authors", "writers"}}));
  expect_reaches(current, target);
}

TEST(DiffTables, RenamedTableIsComparedAsTheSameTable) {
  Schema current = library();
  Table writers = current.tables[0];
  writers.name = "writers";
  writers.renamed_from = "authors";
  writers.columns.push_back(text_column("bio", true));
  writers.comment = "people who write";
  Table books = current.tables[1];
  books.foreign_keys[0].ref_table = "writers";
  books.foreign_keys[0].on_delete = ForeignKeyAction::Cascade;
  Schema target = schema({writers, books});

  EXPECT_EQ(diff_schema(current, target),
            (Ops{DropForeignKey{"books", current.tables[1].foreign_keys[0]},
                 RenameTable{"authors", "writers"}, AddColumn{"writers", text_column("bio", true)},
                 AlterTableComment{"writers", "", "people who write"},
                 AddForeignKey{"books", books.foreign_keys[0]}}));
  expect_reaches(current, target);
}

TEST(DiffTables, RenameOntoANameInUseIsNotARename) {
  // "books" still exists in current: renaming "authors" onto it would need a drop first.
  Schema current = schema({table("authors"), table("books")});
  Table books = table("books", {text_column("title")});
  books.renamed_from = "authors";
  Schema target = schema({books});
  EXPECT_EQ(diff_schema(current, target),
            (Ops{DropTable{table("authors")}, AddColumn{"books", text_column("title")}}));
  expect_reaches(current, target);
}

TEST(DiffTables, HintIsIgnoredWhenTheOldNameIsStillWanted) {
  Schema current = schema({table("authors")});
  Table writers = table("writers");
  writers.renamed_from = "authors";
  Schema target = schema({table("authors"), writers});
  EXPECT_EQ(diff_schema(current, target), (Ops{CreateTable{table("writers")}}));
  expect_reaches(current, target);
}

TEST(DiffTables, CommentChange) {
  Schema current = library();
  Schema target = library();
  target.tables[0].comment = "who wrote what";
  EXPECT_EQ(diff_schema(current, target),
            (Ops{AlterTableComment{"authors", "", "who wrote what"}}));
  EXPECT_EQ(diff_schema(target, current),
            (Ops{AlterTableComment{"authors", "who wrote what", ""}}));
  expect_reaches(current, target);
}

}  // namespace
}  // namespace tempest
