#include "migrate/segments.hpp"

#include <vector>

namespace tempest {

std::vector<Segment> plan_segments(const std::vector<RenderedStep>& steps, std::size_t done,
                                   Direction direction) {
  std::vector<Segment> segments;
  const std::size_t count = steps.size();
  std::size_t at = done;
  do {
    Segment segment;
    segment.begin = at;
    segment.transactional = at == count || steps[at].transactional;
    if (segment.transactional) {
      while (at < count && steps[at].transactional) ++at;
    } else {
      ++at;
    }
    segment.end = at;
    if (at < count) segment.done = static_cast<int>(at);
    if (direction == Direction::Up) {
      segment.record = segment.begin == 0 ? Segment::Record::Insert : Segment::Record::Progress;
    } else {
      segment.record = at == count ? Segment::Record::Remove : Segment::Record::DownProgress;
    }
    segments.push_back(segment);
  } while (at < count);
  return segments;
}

}  // namespace tempest
