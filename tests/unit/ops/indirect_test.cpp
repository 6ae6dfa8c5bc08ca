#include "tempest/indirect.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <variant>

#include "tempest/operations.hpp"

namespace tempest {
namespace {

Column named(std::string name, bool nullable) {
  Column column;
  column.name = std::move(name);
  column.nullable = nullable;
  return column;
}

TEST(Indirect, CopiesAreIndependentValues) {
  Indirect<Column> original = named("title", false);
  Indirect<Column> copy = original;
  copy->nullable = true;
  EXPECT_FALSE(original->nullable);
  EXPECT_TRUE(copy->nullable);
  EXPECT_NE(&*original, &*copy);

  Indirect<Column> assigned = named("other", true);
  assigned = original;
  EXPECT_EQ(assigned->name, "title");
  assigned->name = "changed";
  EXPECT_EQ(original->name, "title");
}

TEST(Indirect, ComparesValuesNotAddresses) {
  const Indirect<Column> a = named("title", false);
  const Indirect<Column> b = named("title", false);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, Indirect<Column>(named("title", true)));
}

TEST(Indirect, MovedFromIsValuelessUntilAssigned) {
  Indirect<Column> source = named("title", false);
  const Indirect<Column> target = std::move(source);
  EXPECT_TRUE(source.valueless_after_move());  // NOLINT(bugprone-use-after-move): the point
  EXPECT_FALSE(target.valueless_after_move());
  const Indirect<Column> copy = source;
  EXPECT_TRUE(copy.valueless_after_move());
  EXPECT_EQ(copy, source);
  EXPECT_NE(copy, target);
  EXPECT_FALSE(source == named("title", false));
  source = named("body", true);
  EXPECT_EQ(source->name, "body");
  source = target;
  EXPECT_EQ(source, target);
}

TEST(Indirect, ComparesWithAPlainValue) {
  const Indirect<Column> title = named("title", false);
  EXPECT_TRUE(title == named("title", false));
  EXPECT_FALSE(title == named("title", true));
}

TEST(Indirect, AssigningAValueReplacesIt) {
  Indirect<Column> column = named("title", false);
  column = named("body", true);
  EXPECT_EQ(column->name, "body");
  EXPECT_TRUE((*column).nullable);
}

TEST(Indirect, KeepsTheOperationVariantSmall) {
  // AlterColumn's two columns live on the heap: an Operation is no larger than its largest
  // by-value alternative.
  EXPECT_LT(sizeof(AlterColumn), sizeof(Column));
  EXPECT_LE(sizeof(Operation), sizeof(AddColumn) + sizeof(void*));
}

TEST(Indirect, AlterColumnKeepsValueSemanticsThroughTheVariant) {
  const Operation op = AlterColumn{"posts", named("title", true), named("title", false)};
  Operation copy = op;
  std::get<AlterColumn>(copy).to->nullable = true;
  EXPECT_FALSE(std::get<AlterColumn>(op).to->nullable);
  EXPECT_NE(op, copy);
  const Operation inverse = invert(op);
  EXPECT_EQ(*std::get<AlterColumn>(inverse).from, *std::get<AlterColumn>(op).to);
  EXPECT_EQ(invert(inverse), op);
}

}  // namespace
}  // namespace tempest
