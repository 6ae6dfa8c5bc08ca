// How a migration's steps are cut into transactions and version row writes.

#include "migrate/segments.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tempest {
namespace {

using Record = Segment::Record;

RenderedStep step(bool transactional) {
  RenderedStep out;
  out.statements = {"SELECT 1"};
  out.transactional = transactional;
  return out;
}

Segment segment(std::size_t begin, std::size_t end, bool transactional, Record record,
                std::optional<int> done) {
  return Segment{begin, end, transactional, record, done};
}

TEST(PlanSegments, TransactionalStepsShareOneTransactionWithTheRow) {
  const std::vector<RenderedStep> steps{step(true), step(true), step(true)};
  EXPECT_EQ(plan_segments(steps, 0, Direction::Up),
            std::vector<Segment>{segment(0, 3, true, Record::Insert, std::nullopt)});
  EXPECT_EQ(plan_segments(steps, 0, Direction::Down),
            std::vector<Segment>{segment(0, 3, true, Record::Remove, std::nullopt)});
}

TEST(PlanSegments, NoStepsStillWritesTheRow) {
  EXPECT_EQ(plan_segments({}, 0, Direction::Up),
            std::vector<Segment>{segment(0, 0, true, Record::Insert, std::nullopt)});
  EXPECT_EQ(plan_segments({}, 0, Direction::Down),
            std::vector<Segment>{segment(0, 0, true, Record::Remove, std::nullopt)});
}

TEST(PlanSegments, NonTransactionalStepsStandAloneAndRecordProgress) {
  const std::vector<RenderedStep> steps{step(true), step(true), step(false), step(true)};
  EXPECT_EQ(plan_segments(steps, 0, Direction::Up),
            (std::vector<Segment>{segment(0, 2, true, Record::Insert, 2),
                                  segment(2, 3, false, Record::Progress, 3),
                                  segment(3, 4, true, Record::Progress, std::nullopt)}));
  EXPECT_EQ(plan_segments(steps, 0, Direction::Down),
            (std::vector<Segment>{segment(0, 2, true, Record::DownProgress, 2),
                                  segment(2, 3, false, Record::DownProgress, 3),
                                  segment(3, 4, true, Record::Remove, std::nullopt)}));
}

TEST(PlanSegments, ResumesAfterTheStepsDone) {
  const std::vector<RenderedStep> steps{step(true), step(false), step(false)};
  EXPECT_EQ(plan_segments(steps, 2, Direction::Up),
            std::vector<Segment>{segment(2, 3, false, Record::Progress, std::nullopt)});
  EXPECT_EQ(plan_segments(steps, 3, Direction::Up),
            std::vector<Segment>{segment(3, 3, true, Record::Progress, std::nullopt)});
  EXPECT_EQ(plan_segments(steps, 1, Direction::Down),
            (std::vector<Segment>{segment(1, 2, false, Record::DownProgress, 2),
                                  segment(2, 3, false, Record::Remove, std::nullopt)}));
}

TEST(PlanSegments, LeadingNonTransactionalStepInsertsTheRow) {
  const std::vector<RenderedStep> steps{step(false), step(true)};
  EXPECT_EQ(plan_segments(steps, 0, Direction::Up),
            (std::vector<Segment>{segment(0, 1, false, Record::Insert, 1),
                                  segment(1, 2, true, Record::Progress, std::nullopt)}));
}

}  // namespace
}  // namespace tempest
