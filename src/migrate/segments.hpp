#pragma once

// How one migration's rendered steps are cut into transactions, and what its version row says
// after each: the plan both the online run and the offline script follow.

#include <cstddef>
#include <optional>
#include <vector>

#include "tempest/dialect.hpp"

namespace tempest {

enum class Direction { Up, Down };

struct Segment {
  enum class Record {
    Insert,        // up: the row is created with steps_done
    Progress,      // up: steps_done is updated (nullopt: complete)
    DownProgress,  // down: down_steps_done is updated
    Remove,        // down: the row is deleted
  };

  std::size_t begin = 0;  // steps [begin, end)
  std::size_t end = 0;
  bool transactional = true;
  Record record = Record::Insert;
  std::optional<int> done;  // steps_done / down_steps_done after the segment; nullopt: complete

  friend bool operator==(const Segment&, const Segment&) = default;
};

// The segments of `steps` from step `done` on: each maximal run of transactional steps is one
// transaction, each non-transactional step stands alone, and the version row is written with
// every segment (in the same transaction when there is one). A migration without steps left
// still gets one (empty) transaction, for its row. Going up, the first segment of a fresh
// migration (done == 0) inserts the row; going down the last one deletes it.
[[nodiscard]] std::vector<Segment> plan_segments(const std::vector<RenderedStep>& steps,
                                                 std::size_t done, Direction direction);

}  // namespace tempest
