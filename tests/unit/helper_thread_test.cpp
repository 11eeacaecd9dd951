#include "core/helper_thread.hpp"

#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <vector>

namespace eenplan::core {
namespace {

TEST(HelperThread, RunsJobsInTheOrderGivenOnOneOtherThread) {
  std::vector<int> order;
  std::thread::id first_thread;
  std::future<int> last;
  {
    HelperThread helper;
    auto a = helper.submit([&] {
      first_thread = std::this_thread::get_id();
      order.push_back(1);
      return 1;
    });
    auto b = helper.submit([&] {
      EXPECT_EQ(std::this_thread::get_id(), first_thread);
      order.push_back(2);
      return 2;
    });
    last = helper.submit([&] {
      order.push_back(3);
      return 3;
    });
    EXPECT_EQ(a.get() + b.get(), 3);
  } // the destructor lets the queued job finish
  EXPECT_EQ(last.get(), 3);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_NE(first_thread, std::this_thread::get_id());
}

TEST(HelperThread, AJobsExceptionArrivesThroughItsFuture) {
  HelperThread helper;
  auto failing = helper.submit([]() -> int { throw std::runtime_error("kapot"); });
  auto next = helper.submit([] { return 7; });
  EXPECT_THROW(failing.get(), std::runtime_error);
  EXPECT_EQ(next.get(), 7);
}

TEST(ScopeExit, RunsWhenAnExceptionLeavesTheScope) {
  int ran = 0;
  try {
    const ScopeExit count([&] { ++ran; });
    throw std::runtime_error("weg");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(ran, 1);
}

} // namespace
} // namespace eenplan::core
