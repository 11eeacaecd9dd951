#include "core/ids.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>
#include <thread>
#include <vector>

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

// Ids draw their random bits from a per-thread buffer refilled 4 KiB at a time: across refills
// and across threads they must still all differ.
TEST(NewUuid, ThousandsFromSeveralThreadsAreAllDistinctVersion4Uuids) {
  constexpr int kThreads = 4;
  constexpr int kEach = 3000; // 16 bytes each: several refills per thread
  std::vector<std::vector<std::string>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&made, t] {
      for (int i = 0; i < kEach; ++i)
        made[t].push_back(new_uuid());
    });
  }
  for (auto& th : threads)
    th.join();
  std::set<std::string> all;
  for (const auto& ids : made) {
    for (const auto& id : ids) {
      ASSERT_TRUE(is_uuid(id)) << id;
      ASSERT_EQ(id[14], '4') << id;
      all.insert(id);
    }
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
}

// FIPS 180-2 test vectors: the audit chain and stored session hashes depend on the exact digest.
TEST(Sha256Hex, MatchesTheStandardTestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Hex, HashesAMillionBytesInOneCall) {
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

} // namespace
} // namespace eenplan::core
