#include "core/ids.hpp"

#include <gtest/gtest.h>

namespace eenplan::core {
namespace {

TEST(TimeOrderedUuid, IsACanonicalVersion7Uuid) {
  const auto id = new_time_ordered_uuid(1'764'547'200'000);
  EXPECT_TRUE(is_uuid(id));
  EXPECT_EQ(id[14], '7');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
  // The first 48 bits are the milliseconds, big-endian: 0x019ad735_8400.
  EXPECT_EQ(id.substr(0, 13), "019ad735-8400");
}

TEST(TimeOrderedUuid, SortsByTimeAcrossMilliseconds) {
  EXPECT_LT(new_time_ordered_uuid(1'000), new_time_ordered_uuid(1'001));
  EXPECT_LT(new_time_ordered_uuid(1'764'547'200'999), new_time_ordered_uuid(1'764'547'201'000));
}

TEST(TimeOrderedUuid, DiffersWithinOneMillisecond) {
  EXPECT_NE(new_time_ordered_uuid(42), new_time_ordered_uuid(42));
}

TEST(TimeOrderedUuids, AscendWithinOneMillisecondAndStayVersion7) {
  TimeOrderedUuids ids(1'764'547'200'000);
  std::string previous = ids.next();
  for (int i = 0; i < 1000; ++i) {
    const std::string id = ids.next();
    EXPECT_TRUE(is_uuid(id));
    EXPECT_EQ(id.substr(0, 13), "019ad735-8400");
    EXPECT_EQ(id[14], '7');
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
    EXPECT_LT(previous, id);
    previous = id;
  }
}

TEST(TimeOrderedUuids, TwoSequencesOfOneMillisecondStartApart) {
  TimeOrderedUuids a(42);
  TimeOrderedUuids b(42);
  EXPECT_NE(a.next(), b.next());
}

} // namespace
} // namespace eenplan::core
